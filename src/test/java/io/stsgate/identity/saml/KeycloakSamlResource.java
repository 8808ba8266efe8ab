package io.stsgate.identity.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.StsgateRealm;

/**
 * Wires stsgate to the shared real Keycloak for SAML: the test server gets a fixed free port so that its ACS URL
 * ({@code http://localhost:PORT/saml}) is known before it starts; Keycloak's SAML client is pointed at that URL (its
 * Destination and Recipient), stsgate accepts it as recipient and Keycloak's client id as audience, and the directory
 * registers Keycloak as saml-provider {@code keycloak} from the metadata Keycloak serves.
 */
public class KeycloakSamlResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT = "222222222222";
    static final String PROVIDER_ARN = "arn:aws:iam::" + ACCOUNT + ":saml-provider/keycloak";
    /** In alice's and bob's Role attribute. */
    static final String READONLY_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/saml-readonly";
    /** In alice's Role attribute only. */
    static final String ADMIN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/saml-admin";

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        int port = freePort();
        String acs = acsUrl(port);
        keycloak.admin().setSamlAssertionConsumerUrl(acs);
        Path file = Path.of("target", "keycloak-saml-directory.yaml").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, directory(keycloak.admin().samlIdpDescriptor(), acs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("stsgate.directory.file", file.toString(),
                "quarkus.http.test-port", Integer.toString(port),
                "stsgate.saml.recipients", acs,
                "stsgate.saml.entity-id", StsgateRealm.SAML_ENTITY_ID);
    }

    @Override
    public void stop() {
        // The shared Keycloak serves every test class of this JVM and stops with it.
    }

    static String acsUrl(int port) {
        return "http://localhost:" + port + "/saml";
    }

    static String directory(String metadata, String acs) {
        return """
                accounts:
                  - id: "%1$s"
                    name: corporate
                    samlProviders:
                      - name: keycloak
                        metadata: |
                %2$s
                    roles:
                      - name: saml-readonly
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: CorporateSso
                              Effect: Allow
                              Principal: { Federated: "%3$s" }
                              Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"]
                              Condition:
                                StringEquals: { "SAML:aud": "%4$s" }
                      - name: saml-admin
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%3$s" }
                              Action: sts:AssumeRoleWithSAML
                              Condition:
                                StringEquals: { "SAML:aud": "%4$s", "SAML:sub_type": persistent }
                """.formatted(ACCOUNT, metadata.indent(12).stripTrailing(), PROVIDER_ARN, acs);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
