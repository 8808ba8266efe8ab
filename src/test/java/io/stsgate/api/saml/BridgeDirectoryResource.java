package io.stsgate.api.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.directory.PemCertificates;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.identity.saml.SignedSamlResponses.IdpKey;
import io.stsgate.testsupport.KeyFiles;

/**
 * A directory for the browser sign-in: one IdP registered as provider {@code corp} in two accounts with friendly
 * names (each with an SSO URL for SP-initiated sign-in), roles it may assume, one whose trust policy refuses it, and
 * stsgate's public URL. The IdP key is left in
 * files for the tests (test resources and tests do not share class loaders).
 */
public class BridgeDirectoryResource implements QuarkusTestResourceLifecycleManager {

    static final String PUBLIC_URL = "https://stsgate.example.com";
    static final String ACS = PUBLIC_URL + "/saml";
    static final String PROD_PROVIDER = "arn:aws:iam::222222222222:saml-provider/corp";
    static final String SANDBOX_PROVIDER = "arn:aws:iam::333333333333:saml-provider/corp";
    /** An account without a name, so the picker shows its id (once). */
    static final String UNNAMED_PROVIDER = "arn:aws:iam::444444444444:saml-provider/corp";
    static final String UNNAMED_READER = "arn:aws:iam::444444444444:role/unnamed-reader";
    static final String READONLY = "arn:aws:iam::222222222222:role/bridge-readonly";
    static final String DENIED = "arn:aws:iam::222222222222:role/bridge-denied";
    static final String SANDBOX_ADMIN = "arn:aws:iam::333333333333:role/teams/sandbox-admin";
    static final String PROD_SSO_URL = "https://idp.example.com/sso";
    static final String SANDBOX_SSO_URL = "https://idp.example.com/sso?tenant=sandbox";
    static final String MISSING_ROLE = "arn:aws:iam::222222222222:role/does-not-exist";
    private static final Path DIRECTORY = Path.of("target", "saml-bridge-idp").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        var idp = IdpKey.generate("CN=idp.example.com");
        try {
            KeyFiles.write(DIRECTORY.resolve("idp.pk8"), idp.keyPair().getPrivate());
            KeyFiles.write(DIRECTORY.resolve("idp.pem"), idp.certificate());
            String certificate = indent(PemCertificates.pem(idp.certificate()));
            Path file = DIRECTORY.resolve("directory.yaml");
            Files.writeString(file, """
                    accounts:
                      - id: "222222222222"
                        name: Production
                        samlProviders:
                          - name: corp
                            entityId: "%1$s"
                            ssoUrl: "%6$s"
                            signingCertificates:
                              - |
                    %2$s
                        roles:
                          - name: bridge-readonly
                            maxSessionDuration: 3600
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%3$s" }
                                  Action: "sts:AssumeRoleWithSAML"
                                  Condition:
                                    StringEquals: { "SAML:aud": "%5$s" }
                          - name: bridge-denied
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%3$s" }
                                  Action: "sts:AssumeRoleWithSAML"
                                  Condition:
                                    StringEquals: { "SAML:sub": "somebody-else" }
                      - id: "333333333333"
                        name: Sandbox
                        samlProviders:
                          - name: corp
                            entityId: "%1$s"
                            ssoUrl: "%7$s"
                            signingCertificates:
                              - |
                    %2$s
                        roles:
                          - name: sandbox-admin
                            path: /teams/
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: "sts:AssumeRoleWithSAML"
                      - id: "444444444444"
                        samlProviders:
                          - name: corp
                            entityId: "%1$s"
                            signingCertificates:
                              - |
                    %2$s
                        roles:
                          - name: unnamed-reader
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%8$s" }
                                  Action: "sts:AssumeRoleWithSAML"
                    """.formatted(SignedSamlResponses.IDP_ENTITY_ID, certificate, PROD_PROVIDER, SANDBOX_PROVIDER,
                    ACS, PROD_SSO_URL, SANDBOX_SSO_URL, UNNAMED_PROVIDER));
            return Map.of("stsgate.directory.file", file.toString(), "stsgate.public-url", PUBLIC_URL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(String pem) {
        return pem.lines().map(line -> "                " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Override
    public void stop() {
        // Files under target/ are left for inspection.
    }

    /** The IdP's signing key written by {@link #start()}. */
    static IdpKey idpKey() throws Exception {
        Path key = DIRECTORY.resolve("idp.pk8");
        Path certificate = DIRECTORY.resolve("idp.pem");
        return new IdpKey(KeyFiles.readKeyPair(key, certificate), KeyFiles.readCertificate(certificate));
    }
}
