package io.stsgate.api.admin;

/**
 * The body of {@code POST /admin/v1/revocations}. Times are ISO-8601 text, so a bad value is answered with the field's
 * name rather than a generic parse error.
 *
 * @param scope {@code access-key}, {@code role}, {@code subject} or {@code source-identity}
 * @param target the ASIA access key id, role ARN, subject (IAM user ARN or {@code <provider ARN>#<subject>}) or source
 *        identity
 * @param issuedBefore sessions issued strictly before this instant are revoked; default: now, rounded up to the next
 *        second (issue times have whole seconds, so this covers every session issued so far)
 * @param reason free text kept with the revocation
 * @param allowUnknownTarget revoke even when the role, user or provider named by {@code target} does not exist (for
 *        example sessions of a principal that is yet to be created); without it such a target is refused with
 *        {@code NotFound}, so a typo never leaves the intended sessions alive
 */
public record RevocationRequest(String scope, String target, String issuedBefore, String reason,
        Boolean allowUnknownTarget) {

    public RevocationRequest(String scope, String target, String issuedBefore, String reason) {
        this(scope, target, issuedBefore, reason, null);
    }

    boolean unknownTargetAllowed() {
        return Boolean.TRUE.equals(allowUnknownTarget);
    }
}
