package io.stsgate.identity.saml;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed SAML Responses for the HTTP load suite ({@code src/test/load}): the same builder the SAML tests use, with the
 * load directory's role and provider, each with its own assertion id (stsgate accepts an assertion once).
 */
public final class LoadSamlResponses {

    private final TestSamlKeys.SigningKey idp;
    private final String roleArn;
    private final String providerArn;

    /**
     * @param signingKey the IdP's private key
     * @param certificate its certificate, as the directory trusts it
     * @param roleArn the role the Role attribute offers
     * @param providerArn the SAML provider the Role attribute names
     */
    public LoadSamlResponses(PrivateKey signingKey, X509Certificate certificate, String roleArn, String providerArn) {
        this.idp = new TestSamlKeys.SigningKey(new KeyPair(certificate.getPublicKey(), signingKey), certificate);
        this.roleArn = roleArn;
        this.providerArn = providerArn;
    }

    /** The IdP entity id the responses carry, for the directory's provider entry. */
    public static String idpEntityId() {
        return TestSamlResponses.IDP_ENTITY_ID;
    }

    /** A fresh response (base64), valid around {@code now} for five minutes, assertion signed with RSA-SHA256. */
    public String next(Instant now, String sessionName) {
        return TestSamlResponses.response().validAround(now).signAssertion(idp).with(response -> {
            Map<String, List<String>> attributes = new LinkedHashMap<>(TestSamlResponses.defaultAttributes());
            attributes.put(TestSamlResponses.ROLE_ATTR, List.of(roleArn + "," + providerArn));
            attributes.put(TestSamlResponses.ATTR + "RoleSessionName", List.of(sessionName));
            response.attributes = attributes;
        }).base64();
    }
}
