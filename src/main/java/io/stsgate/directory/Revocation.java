package io.stsgate.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * One stored revocation. Sessions it matches that were issued strictly before {@code issuedBefore} are refused, as
 * AWS's {@code DateLessThan aws:TokenIssueTime} deny refuses them; an access-key revocation matches its one credential
 * whatever its issue time.
 *
 * @param expiresAt when no credential the revocation matches can still be valid, so the entry can be purged
 * @param createdBy the administrator who revoked
 * @param reason free text from the administrator, or null
 */
public record Revocation(long id, RevocationScope scope, String target, Instant issuedBefore, Instant expiresAt,
        Instant createdAt, String createdBy, String reason) {

    /**
     * The longest session stsgate issues: GetSessionToken and GetFederationToken allow 129600 seconds (36 hours), roles
     * 43200. A revocation outlives every credential issued before it by keeping at least this long.
     */
    public static final Duration LONGEST_SESSION = Duration.ofSeconds(129600);

    /** When a revocation of sessions issued before {@code issuedBefore} can be forgotten. */
    public static Instant expiry(Instant issuedBefore) {
        return issuedBefore.plus(LONGEST_SESSION);
    }

    /** Whether a session issued at {@code issuedAt} falls under the time bound (DateLessThan: strictly before). */
    public boolean covers(Instant issuedAt) {
        return scope == RevocationScope.ACCESS_KEY || issuedAt.isBefore(issuedBefore);
    }
}
