package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.KeyringFile;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.store.DirectoryEntries;
import io.stsgate.directory.store.JdbcDirectoryStore;
import io.stsgate.directory.store.StoreChanges;
import io.stsgate.directory.store.StoreDialect;
import io.stsgate.directory.store.StoredSecrets;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;
import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestPostgres;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Two stsgate processes on one PostgreSQL behave as one: a change made through the store, or a revocation made through
 * one replica's admin API, reaches both within five seconds, and a browser sign-in needs no sticky sessions.
 */
@RequiresPostgres
@RequiresKeycloak
class ReplicasIT {

    @TempDir
    static Path folder;
    static String schema;
    static ReplicaSetup setup;
    static StsgateProcess first;
    static StsgateProcess second;

    @BeforeAll
    static void startReplicas() {
        schema = TestPostgres.freshSchema();
        setup = ReplicaSetup.in(folder);
        var properties = setup.postgres(TestPostgres.url(schema), TestPostgres.USER);
        properties.put("quarkus.oidc.auth-server-url", KeycloakServer.shared().issuer());
        properties.put("quarkus.oidc.tenant-enabled", "true");
        first = StsgateProcess.start("replica-1", properties);
        second = StsgateProcess.start("replica-2", properties);
    }

    @AfterAll
    static void stopReplicas() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void bothReplicasServeTheDirectorySeededOnce() {
        for (var replica : new StsgateProcess[] { first, second }) {
            try (var sts = TestClients.sts(replica.endpoint(), operator())) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo(ReplicaSetup.OPERATOR_ARN);
            }
        }
    }

    @Test
    void aRoleAddedToTheStoreCanBeAssumedOnEveryReplicaWithinFiveSeconds() throws Exception {
        String roleArn = "arn:aws:iam::444444444444:role/added-later";
        try (var sts = TestClients.sts(second.endpoint(), operator())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("early")))
                    .isInstanceOf(StsException.class);
        }

        addRole("added-later");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (var replica : new StsgateProcess[] { first, second }) {
            try (var sts = TestClients.sts(replica.endpoint(), operator())) {
                while (true) {
                    try {
                        var assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("later"));
                        assertThat(assumed.assumedRoleUser().arn())
                                .isEqualTo("arn:aws:sts::444444444444:assumed-role/added-later/later");
                        break;
                    } catch (StsException e) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError(replica.name() + " did not see the new role within 5 s", e);
                        }
                        Thread.sleep(100);
                    }
                }
            }
        }
    }

    @Test
    void aCredentialRevokedThroughOneReplicaIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
        Credentials credentials;
        try (var sts = TestClients.sts(first.endpoint(), operator())) {
            credentials = sts.assumeRole(r -> r.roleArn(ReplicaSetup.ROLE_ARN).roleSessionName("to-revoke"))
                    .credentials();
        }
        try (var sts = TestClients.withSession(second.endpoint(), credentials)) {
            assertThat(sts.getCallerIdentity().arn()).endsWith("assumed-role/deployer/to-revoke");

            var revoke = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(first.endpoint().resolve("/admin/v1/revocations"))
                    .header("Authorization",
                            "Bearer " + KeycloakServer.shared().tokens().accessTokenFor(KeycloakUser.ALICE))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"scope": "access-key", "target": "%s", "reason": "leaked in a build log"}
                            """.formatted(credentials.accessKeyId())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(201);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                try {
                    sts.getCallerIdentity();
                } catch (StsException refused) {
                    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    break;
                }
                assertThat(System.nanoTime()).as("replica-2 still accepts the revoked credential after 5 s")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aBrowserSignInStartedOnOneReplicaIsFinishedOnTheOtherAndOnlyOnce() throws Exception {
        String acs = ReplicaSetup.PUBLIC_URL + "/saml";
        String samlResponse = SignedSamlResponses.base64(setup.idp(), acs, Instant.now(),
                SignedSamlResponses.attributes("alice", ReplicaSetup.SAML_ROLE_ARN + ","
                        + ReplicaSetup.SAML_PROVIDER_ARN));
        var client = HttpClient.newHttpClient();
        var picker = client.send(HttpRequest.newBuilder(first.endpoint().resolve("/saml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("SAMLResponse", samlResponse))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
        var fields = new HashMap<String, String>();
        var hidden = Pattern.compile("name=\"(continuation|csrf)\" value=\"([^\"]*)\"")
                .matcher(picker.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        String cookie = picker.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        fields.put("role", ReplicaSetup.SAML_ROLE_ARN + "," + ReplicaSetup.SAML_PROVIDER_ARN);
        HttpRequest choice = HttpRequest.newBuilder(second.endpoint().resolve("/saml/credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();

        var credentials = client.send(choice, HttpResponse.BodyHandlers.ofString());
        assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(200);
        assertThat(credentials.body()).contains(ReplicaSetup.SAML_ROLE_ARN).contains("ASIA");

        var again = client.send(HttpRequest.newBuilder(first.endpoint().resolve("/saml/credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already used");
    }

    private static String form(Map<String, String> fields) {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static AwsBasicCredentials operator() {
        return AwsBasicCredentials.create(setup.accessKeyId(), setup.secretAccessKey());
    }

    /** Writes a role straight into the store, as another replica's admin API would. */
    private static void addRole(String name) {
        var keyring = KeyringFile.load(setup.keyring());
        var entries = new DirectoryEntries(new StoredSecrets(new TokenSealer(keyring, KeyPurpose.STORED_SECRET)));
        var store = new JdbcDirectoryStore(TestPostgres.dataSource(schema), StoreDialect.POSTGRESQL,
                new StoreChanges(), Clock.systemUTC());
        var role = new DirectoryFile.RoleEntry(name, null, null, null, null,
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(java.util.Map.of("Version", "2012-10-17",
                        "Statement", java.util.List.of(java.util.Map.of("Effect", "Allow", "Principal",
                                java.util.Map.of("AWS", "arn:aws:iam::444444444444:root"), "Action",
                                "sts:AssumeRole")))),
                null, null);
        store.write(tx -> tx.insert(DirectoryEntries.roleId(ReplicaSetup.ACCOUNT, role), ReplicaSetup.ACCOUNT,
                entries.split(new DirectoryFile(java.util.List.of(new DirectoryFile.AccountEntry(ReplicaSetup.ACCOUNT,
                        null, null, java.util.List.of(role), null, null, null, null)))).get(1).body()));
    }
}
