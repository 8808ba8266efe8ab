package io.stsgate.runtime;

import java.time.Duration;

/**
 * When the audit trail's purge runs next. A run that deleted events runs again soon: a busy trail passes the size cap
 * faster than one interval allows (10,000 events/s are 3 million in five minutes), and the cap is a disk bound only if
 * the purge keeps up with the writer. A run that found nothing to delete waits the configured interval.
 */
record AuditPurgeSchedule(Duration interval) {

    static final Duration CATCH_UP = Duration.ofSeconds(10);

    Duration after(long deleted) {
        return deleted > 0 && interval.compareTo(CATCH_UP) > 0 ? CATCH_UP : interval;
    }
}
