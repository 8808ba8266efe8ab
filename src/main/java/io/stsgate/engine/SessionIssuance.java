package io.stsgate.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Role;
import io.stsgate.policy.RequestContext;

/**
 * The last step every issuing action shares: durations, request tags as condition keys, and minting the session the
 * checks decided on. One instance is shared by the action families so they mint and count time alike.
 */
final class SessionIssuance {

    static final int DEFAULT_ROLE_DURATION = 3600;
    static final int CHAINING_LIMIT = 3600;
    static final int DEFAULT_USER_SESSION_DURATION = 43200;
    static final String TAG_SESSION = "sts:TagSession";
    static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";

    private final CredentialMint mint;
    private final Clock clock;

    SessionIssuance(CredentialMint mint, Clock clock) {
        this.mint = mint;
        this.clock = clock;
    }

    IssuedSession issue(SessionContext draft, Integer packed, AuditDraft audit) {
        var minted = mint.mint(draft);
        audit.issued(minted.credentials().accessKeyId());
        return new IssuedSession(minted.credentials(), minted.session(), packed);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static int roleDuration(Integer requested, Role role, boolean chained) {
        int duration = requested == null ? DEFAULT_ROLE_DURATION : requested;
        if (duration > role.maxSessionDuration()) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (chained && duration > CHAINING_LIMIT) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.DURATION_EXCEEDS_CHAINING_LIMIT,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role "
                            + "chaining.");
        }
        return duration;
    }

    static void requestTags(RequestContext.Builder context, List<SessionTag> tags, Set<String> transitive) {
        for (var tag : tags) {
            context.put("aws:RequestTag/" + tag.key(), tag.value());
        }
        if (!tags.isEmpty()) {
            context.putAll("aws:TagKeys", tags.stream().map(SessionTag::key).toList());
        }
        if (!transitive.isEmpty()) {
            context.putAll("sts:TransitiveTagKeys", List.copyOf(transitive));
        }
    }

    static LinkedHashMap<String, String> tagMap(List<SessionTag> tags) {
        var map = new LinkedHashMap<String, String>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
