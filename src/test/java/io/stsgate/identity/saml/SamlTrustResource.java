package io.stsgate.identity.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.directory.PemCertificates;
import io.stsgate.testsupport.KeyFiles;

/**
 * A directory trusting a SAML IdP whose signing key is generated here; key and certificate are left in files for the
 * test (test resources and tests do not share class loaders).
 */
public class SamlTrustResource implements QuarkusTestResourceLifecycleManager {

    static final String ROLE = "arn:aws:iam::222222222222:role/saml-readonly";
    static final String NOT_GRANTED_ROLE = "arn:aws:iam::222222222222:role/saml-admin";
    /** Trusts the provider but not with session tags. */
    static final String NO_TAGS_ROLE = "arn:aws:iam::222222222222:role/saml-no-tags";
    static final String OTHER_PROVIDER_ARN = "arn:aws:iam::222222222222:saml-provider/other";
    static final Path DIRECTORY = Path.of("target", "saml-idp").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        var idp = TestSamlKeys.generate("CN=idp.example.com");
        var other = TestSamlKeys.generate("CN=other.example.com");
        try {
            KeyFiles.write(DIRECTORY.resolve("idp.pk8"), idp.keyPair().getPrivate());
            KeyFiles.write(DIRECTORY.resolve("idp.pem"), idp.certificate());
            Path file = DIRECTORY.resolve("directory.yaml");
            Files.writeString(file, """
                    accounts:
                      - id: "222222222222"
                        samlProviders:
                          - name: corp
                            entityId: "%1$s"
                            signingCertificates:
                              - |
                    %2$s
                          - name: other
                            entityId: https://other.example.com
                            signingCertificates:
                              - |
                    %3$s
                        roles:
                          - name: saml-readonly
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Sid: CorporateSso
                                  Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"]
                                  Condition:
                                    StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" }
                          - name: saml-admin
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"]
                          - name: saml-no-tags
                            trustPolicy:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Principal: { Federated: "%4$s" }
                                  Action: sts:AssumeRoleWithSAML
                    """.formatted(TestSamlResponses.IDP_ENTITY_ID, indent(PemCertificates.pem(idp.certificate())),
                    indent(PemCertificates.pem(other.certificate())), TestSamlResponses.PROVIDER_ARN));
            return Map.of("stsgate.directory.file", file.toString());
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
    static TestSamlKeys.SigningKey idpKey() {
        Path key = DIRECTORY.resolve("idp.pk8");
        Path certificate = DIRECTORY.resolve("idp.pem");
        return new TestSamlKeys.SigningKey(KeyFiles.readKeyPair(key, certificate), KeyFiles.readCertificate(certificate));
    }
}
