package io.stsgate.api.admin;

/**
 * The body of {@code POST /admin/v1/explain}: the role and exactly one proof, as the real request would carry them.
 *
 * @param samlAssertion the base64 SAML Response
 * @param principalArn the SAML provider ARN (with {@code samlAssertion})
 * @param tokenProviderId the ProviderId of the request, if the caller sends one
 * @param roleSessionName the RoleSessionName of a web identity request; default {@code explain}
 * @param durationSeconds the DurationSeconds of the request, if it sends one
 */
public record ExplainRequest(String roleArn, String webIdentityToken, String samlAssertion, String principalArn,
        String tokenProviderId, String roleSessionName, Integer durationSeconds) {

    @Override
    public String toString() {
        // The token and the assertion are credentials: never printed.
        return "ExplainRequest[roleArn=" + roleArn + ", principalArn=" + principalArn + "]";
    }
}
