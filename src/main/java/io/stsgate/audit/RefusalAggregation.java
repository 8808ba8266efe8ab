package io.stsgate.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a flood of unauthenticated refusals from filling the audit trail and drowning the log: per action, reason,
 * source address and minute, the first {@code individualPerMinute} refusals pass as they are; the rest are counted
 * and, once their minute is over, written as one event whose {@code occurrences} is that count. Successes and
 * refusals of callers who proved who they are always pass one by one.
 *
 * <p>
 * A refusal is unauthenticated when the caller proved no identity: no verified signature (no principal) and no
 * verified token or assertion (no subject; a provider ARN as principal names what was claimed, not who). Memory is
 * bounded: beyond {@code maxKeys} distinct keys in a minute, further sources are counted under the address {@code *}.
 */
public final class RefusalAggregation implements AuditSink {

    static final String OTHER_SOURCES = "*";

    private final AuditSink next;
    private final Clock clock;
    private final int individualPerMinute;
    private final int maxKeys;
    private final Map<Key, Tally> tallies = new HashMap<>();
    private Instant minute;

    public RefusalAggregation(AuditSink next, Clock clock, int individualPerMinute, int maxKeys) {
        this.next = next;
        this.clock = clock;
        this.individualPerMinute = individualPerMinute;
        this.maxKeys = maxKeys;
    }

    @Override
    public void record(AuditEvent event) {
        if (!unauthenticatedRefusal(event)) {
            next.record(event);
            return;
        }
        List<AuditEvent> due;
        boolean individual;
        synchronized (this) {
            Instant eventMinute = event.time().truncatedTo(ChronoUnit.MINUTES);
            // An event of an earlier minute that arrives late counts in the current one.
            due = minute == null || eventMinute.isAfter(minute) ? closeMinute(eventMinute) : List.of();
            Key key = new Key(event.action(), event.reason(), event.sourceIp());
            if (!tallies.containsKey(key) && tallies.size() >= maxKeys) {
                key = new Key(event.action(), event.reason(), OTHER_SOURCES);
            }
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally(event));
            individual = tally.seen++ < individualPerMinute;
        }
        due.forEach(next::record);
        if (individual) {
            next.record(event);
        }
    }

    /** Writes the aggregates of minutes that are over; called periodically so a flood that stops is still written. */
    public void flush() {
        List<AuditEvent> due;
        synchronized (this) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            if (minute == null || !minute.isBefore(now)) {
                return;
            }
            due = closeMinute(null);
        }
        due.forEach(next::record);
    }

    /** Writes the aggregates counted so far in the current minute too: at shutdown, so no count is lost. */
    public void flushAll() {
        List<AuditEvent> due;
        synchronized (this) {
            if (minute == null) {
                return;
            }
            due = closeMinute(null);
        }
        due.forEach(next::record);
    }

    /** The aggregates of the current minute, which then becomes {@code following}; called holding the monitor. */
    private List<AuditEvent> closeMinute(Instant following) {
        var due = new ArrayList<AuditEvent>();
        for (var entry : tallies.entrySet()) {
            int aggregated = entry.getValue().seen - individualPerMinute;
            if (aggregated > 0) {
                due.add(aggregate(entry.getKey(), entry.getValue().first, aggregated));
            }
        }
        tallies.clear();
        minute = following;
        return due;
    }

    private AuditEvent aggregate(Key key, AuditEvent first, int count) {
        return new AuditEvent(minute, "aggregate-" + minute.getEpochSecond() + "-" + Integer.toHexString(
                key.hashCode()), first.action(), AuditEvent.Outcome.FAILURE, key.reason(), first.errorCode(),
                count + " more unauthenticated refusal(s) of this kind from " + key.sourceIp() + " in the minute from "
                        + minute + ", beyond the " + individualPerMinute + " recorded one by one",
                null, null, null, null, null, null, null, Map.of(), null, key.sourceIp(), null, count);
    }

    static boolean unauthenticatedRefusal(AuditEvent event) {
        if (event.outcome() != AuditEvent.Outcome.FAILURE || event.subject() != null) {
            return false;
        }
        String principal = event.principal();
        return principal == null || principal.contains(":saml-provider/") || principal.contains(":oidc-provider/");
    }

    private record Key(String action, ReasonCode reason, String sourceIp) {
    }

    private static final class Tally {
        private final AuditEvent first;
        private int seen;

        Tally(AuditEvent first) {
            this.first = first;
        }
    }
}
