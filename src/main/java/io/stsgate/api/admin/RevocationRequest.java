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
 */
public record RevocationRequest(String scope, String target, String issuedBefore, String reason) {
}
