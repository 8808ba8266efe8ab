package io.stsgate.federation;

import io.stsgate.engine.FederatedPrincipal;

/**
 * What an accepted proof tells the caller in the response, besides the credentials.
 *
 * @param subject the token's {@code sub} or the assertion's NameID
 * @param subjectType SAML only: the NameID format as AWS reports SubjectType; null for a web identity token
 * @param nameQualifier SAML only: AWS's NameQualifier; null for a web identity token
 */
public record ResponseFacts(String providerArn, String subject, String subjectType, String issuer, String audience,
        String nameQualifier) {

    static ResponseFacts of(FederatedPrincipal principal) {
        return new ResponseFacts(principal.providerArn(), principal.subject(), null, principal.issuer(),
                principal.audience(), null);
    }
}
