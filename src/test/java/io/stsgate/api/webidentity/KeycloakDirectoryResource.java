package io.stsgate.api.webidentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.testsupport.keycloak.KeycloakServer;

/**
 * Starts the shared Keycloak (realm {@code stsgate} from {@code realms/}) and points stsgate at a directory that
 * trusts it. Keycloak itself stops when the test JVM exits, also after failures.
 */
public class KeycloakDirectoryResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEB_ROLE = "arn:aws:iam::333333333333:role/web-engineering";
    public static final String FINANCE_ROLE = "arn:aws:iam::333333333333:role/web-finance";
    public static final String SERVICE_ROLE = "arn:aws:iam::333333333333:role/batch-service";
    public static final String UNTAGGED_ROLE = "arn:aws:iam::333333333333:role/web-untagged";
    public static final String OTHER_ACCOUNT_ROLE = "arn:aws:iam::444444444444:role/elsewhere";

    @Override
    public Map<String, String> start() {
        var keycloak = KeycloakServer.shared();
        Path file = Path.of("target", "keycloak-directory.yaml").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, directory(keycloak.issuer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("stsgate.directory.file", file.toString(),
                "stsgate.oidc.unknown-kid-refetch-interval", "PT1S",
                "stsgate.oidc.jwks-cache-ttl", "PT2S");
    }

    @Override
    public void stop() {
        // The shared Keycloak serves every test class of this JVM and stops with it.
    }

    /** Condition-key prefix of the provider: the issuer without its scheme. */
    public static String keyPrefix(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    public static String providerArn(String issuer) {
        return "arn:aws:iam::333333333333:oidc-provider/" + keyPrefix(issuer);
    }

    static String directory(String issuer) {
        String provider = providerArn(issuer);
        String key = keyPrefix(issuer);
        return """
                accounts:
                  - id: "333333333333"
                    name: web-apps
                    oidcProviders:
                      - url: "%1$s"
                        clientIds: [stsgate-web, stsgate, stsgate-service]
                        tagClaims:
                          department: department
                    roles:
                      - name: web-engineering
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: EngineersFromTheWebApp
                              Effect: Allow
                              Principal: { Federated: "%2$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals: { "%3$s:aud": stsgate-web }
                                ForAnyValue:StringEquals: { "%3$s:groups": engineering }
                      - name: web-finance
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: FinanceOnly
                              Effect: Allow
                              Principal: { Federated: "%2$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                ForAnyValue:StringEquals: { "%3$s:groups": finance }
                      - name: batch-service
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: TheServiceClient
                              Effect: Allow
                              Principal: { Federated: "%2$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals: { "%3$s:aud": stsgate-service }
                                ForAnyValue:StringEquals: { "%3$s:oaud": stsgate }
                      - name: web-untagged
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: NoSessionTags
                              Effect: Allow
                              Principal: { Federated: "%2$s" }
                              Action: sts:AssumeRoleWithWebIdentity
                  - id: "444444444444"
                    name: elsewhere
                    roles:
                      - name: elsewhere
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%2$s" }
                              Action: sts:AssumeRoleWithWebIdentity
                """.formatted(issuer, provider, key);
    }
}
