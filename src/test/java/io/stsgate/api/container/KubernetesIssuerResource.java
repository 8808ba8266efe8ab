package io.stsgate.api.container;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.identity.oidc.TestKeys;
import io.stsgate.testsupport.KeyFiles;

/**
 * A Kubernetes API server's service-account issuer on 127.0.0.1, serving discovery at
 * {@code /.well-known/openid-configuration} and keys at {@code /openid/v1/jwks} as the API server does, registered in
 * the directory as an OIDC provider of account {@value #ACCOUNT}, with the workload associations and roles the
 * container credentials tests use. A second cluster ({@value #OTHER_ISSUER}, static JWKS) is registered too, for
 * tokens of another provider. Keys and the issuer URL are left in files for the tests (test resources and tests do
 * not share class loaders).
 */
public class KubernetesIssuerResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT = "777777777777";
    static final String AUDIENCE = "stsgate";
    static final String OTHER_ISSUER = "https://other-cluster.stsgate.test";
    static final String KEY_ID = "k8s-sa-1";
    static final String OTHER_KEY_ID = "other-sa-1";
    static final String PAYMENTS_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/payments-api";
    static final String NO_TAGS_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/reports-no-tags";
    static final String REFUSING_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/refusing";
    static final String BATCH_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/batch-jobs";
    static final Path DIRECTORY = Path.of("target", "k8s-issuer").toAbsolutePath();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        var key = TestKeys.rsa2048(KEY_ID);
        var otherKey = TestKeys.rsa2048(OTHER_KEY_ID);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String discovery = JsonUtil.toJson(Map.of("issuer", issuer, "jwks_uri", issuer + "/openid/v1/jwks",
                    "response_types_supported", List.of("id_token"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256")));
            String jwks = TestKeys.jwks(key);
            server.createContext("/", exchange -> serve(exchange, switch (exchange.getRequestURI().getPath()) {
                case "/.well-known/openid-configuration" -> discovery;
                case "/openid/v1/jwks" -> jwks;
                default -> null;
            }));
            server.start();

            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve("issuer.txt"), issuer);
            KeyFiles.write(DIRECTORY.resolve("signing-key.pk8"), key.privateKey());
            KeyFiles.write(DIRECTORY.resolve("other-signing-key.pk8"), otherKey.privateKey());
            Path directoryFile = DIRECTORY.resolve("directory.yaml");
            Files.writeString(directoryFile, directory(issuer, TestKeys.jwks(otherKey)));
            return Map.of("stsgate.directory.file", directoryFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String directory(String issuer, String otherJwks) {
        String host = issuer.substring("http://".length());
        String provider = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + host;
        return """
                accounts:
                  - id: "%1$s"
                    oidcProviders:
                      - url: "%2$s"
                        clientIds: [%3$s]
                      - url: "%6$s"
                        clientIds: [%3$s]
                        jwks: '%7$s'
                    roles:
                      - name: payments-api
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%4$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals:
                                  "%5$s:aud": %3$s
                                  "%5$s:sub": system:serviceaccount:payments:api
                      - name: reports-no-tags
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%4$s" }
                              Action: sts:AssumeRoleWithWebIdentity
                      - name: refusing
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%4$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals: { "%5$s:sub": system:serviceaccount:payments:api }
                      - name: batch-jobs
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "%4$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringLike: { "%5$s:sub": "system:serviceaccount:batch:*" }
                    workloadAssociations:
                      - name: payments-api
                        provider: "%2$s"
                        subject: system:serviceaccount:payments:api
                        roleArn: "arn:aws:iam::%1$s:role/payments-api"
                        clusterName: prod-eu
                      - name: reports
                        provider: "%2$s"
                        subject: system:serviceaccount:reports:reader
                        roleArn: "arn:aws:iam::%1$s:role/reports-no-tags"
                      - name: intruder
                        provider: "%2$s"
                        subject: system:serviceaccount:payments:intruder
                        roleArn: "arn:aws:iam::%1$s:role/refusing"
                """.formatted(ACCOUNT, issuer, AUDIENCE, provider, host, OTHER_ISSUER, otherJwks);
    }

    private static void serve(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
