package io.stsgate.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a temporary credential stands for. It is sealed into the session token, so any replica holding the
 * keyring can verify a credential without a database read.
 *
 * @param keyId the keyring key whose derived secret belongs to this session
 * @param arn the session ARN (assumed-role or federated-user), or the user ARN for a user session
 * @param sourceArn the role ARN, or the user ARN for federated-user and user sessions
 * @param principalId {@code AROA…:session}, {@code account:name} or the user id
 * @param mfaAuthenticatedAt when MFA was presented for this session, or null
 * @param sessionPolicy the inline session policy text, or null
 * @param chained whether a role session assumed this one (role chaining)
 * @param federatedProvider the OIDC or SAML provider ARN of a federated session, or null
 * @param federatedSubject the subject the provider asserted, or null
 * @param originArn the IAM user at the start of the chain (the caller of AssumeRole, GetSessionToken or
 *        GetFederationToken, carried along role chaining), or null for sessions that began with federation; revoking a
 *        subject matches it
 * @param sourceId the unique id of {@code sourceArn} when the session was issued ({@code AROA…} of the role,
 *        {@code AIDA…} of the user), so the session is refused once that role or user is gone or was created again;
 *        null in tokens issued before it was sealed (see {@link #sourceUniqueId()})
 */
public record SessionContext(SessionKind kind, String keyId, String accessKeyId, String accountId, String arn,
        String sourceArn, String principalId, String sessionName, Instant issuedAt, Instant expiresAt,
        Instant mfaAuthenticatedAt, String sourceIdentity, List<SessionTag> tags, Set<String> transitiveTagKeys,
        String sessionPolicy, List<String> policyArns, boolean chained, String federatedProvider,
        String federatedSubject, String originArn, String sourceId) {

    public SessionContext(SessionKind kind, String keyId, String accessKeyId, String accountId, String arn,
            String sourceArn, String principalId, String sessionName, Instant issuedAt, Instant expiresAt,
            Instant mfaAuthenticatedAt, String sourceIdentity, List<SessionTag> tags, Set<String> transitiveTagKeys,
            String sessionPolicy, List<String> policyArns, boolean chained, String federatedProvider,
            String federatedSubject) {
        this(kind, keyId, accessKeyId, accountId, arn, sourceArn, principalId, sessionName, issuedAt, expiresAt,
                mfaAuthenticatedAt, sourceIdentity, tags, transitiveTagKeys, sessionPolicy, policyArns, chained,
                federatedProvider, federatedSubject, null, null);
    }

    public SessionContext(SessionKind kind, String keyId, String accessKeyId, String accountId, String arn,
            String sourceArn, String principalId, String sessionName, Instant issuedAt, Instant expiresAt,
            Instant mfaAuthenticatedAt, String sourceIdentity, List<SessionTag> tags, Set<String> transitiveTagKeys,
            String sessionPolicy, List<String> policyArns, boolean chained, String federatedProvider,
            String federatedSubject, String originArn) {
        this(kind, keyId, accessKeyId, accountId, arn, sourceArn, principalId, sessionName, issuedAt, expiresAt,
                mfaAuthenticatedAt, sourceIdentity, tags, transitiveTagKeys, sessionPolicy, policyArns, chained,
                federatedProvider, federatedSubject, originArn, null);
    }

    public SessionContext {
        tags = List.copyOf(tags);
        var keys = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        keys.addAll(transitiveTagKeys);
        transitiveTagKeys = java.util.Collections.unmodifiableSet(keys);
        policyArns = List.copyOf(policyArns);
    }

    /**
     * The unique id of the role or user this session was issued for: the sealed one, or in older tokens the one the
     * principal id carries ({@code AROA…:session}, the user id); null for older federated-user tokens, which carry
     * none.
     */
    public String sourceUniqueId() {
        if (sourceId != null) {
            return sourceId;
        }
        return switch (kind) {
            case ASSUMED_ROLE -> principalId == null || principalId.indexOf(':') < 0 ? null
                    : principalId.substring(0, principalId.indexOf(':'));
            case USER_SESSION -> principalId;
            case FEDERATED_USER -> null;
        };
    }

    /** This draft as minted: sealed under {@code keyId}, for the temporary key {@code accessKeyId}. */
    public SessionContext withKey(String keyId, String accessKeyId) {
        return new SessionContext(kind, keyId, accessKeyId, accountId, arn, sourceArn, principalId, sessionName,
                issuedAt, expiresAt, mfaAuthenticatedAt, sourceIdentity, tags, transitiveTagKeys, sessionPolicy,
                policyArns, chained, federatedProvider, federatedSubject, originArn, sourceId);
    }

    public Optional<Instant> mfaAuthenticated() {
        return Optional.ofNullable(mfaAuthenticatedAt);
    }

    /** The tags a later session inherits when this one assumes a role. */
    public List<SessionTag> transitiveTags() {
        return tags.stream().filter(t -> transitiveTagKeys.contains(t.key())).toList();
    }

    public boolean hasSessionPolicy() {
        return sessionPolicy != null || !policyArns.isEmpty();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
