package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;
import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestPostgres;

/**
 * Nothing acknowledged is lost: the server is killed with SIGKILL in the middle of a burst of admin writes, and after a
 * restart every write it answered 201 to is there. On the embedded store and on PostgreSQL.
 */
@RequiresKeycloak
class DurabilityIT {

    private static final int WRITERS = 4;
    private static final int KILL_AFTER_ACKNOWLEDGED = 60;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOnTheEmbeddedStore() throws Exception {
        var setup = ReplicaSetup.in(folder);
        assertSurvivesSigkill(withAdminApi(setup.embedded(folder.resolve("store"))));
    }

    @Test
    @RequiresPostgres
    void everyAcknowledgedWriteSurvivesSigkillOnPostgres() throws Exception {
        var setup = ReplicaSetup.in(folder);
        assertSurvivesSigkill(withAdminApi(setup.postgres(TestPostgres.url(TestPostgres.freshSchema()),
                TestPostgres.USER)));
    }

    private static Map<String, String> withAdminApi(Map<String, String> properties) {
        properties.put("quarkus.oidc.auth-server-url", KeycloakServer.shared().issuer());
        properties.put("quarkus.oidc.tenant-enabled", "true");
        return properties;
    }

    private void assertSurvivesSigkill(Map<String, String> properties) throws Exception {
        String token = KeycloakServer.shared().tokens().accessTokenFor(KeycloakUser.ALICE);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var acknowledged = new ConcurrentLinkedQueue<String>();
        try (var server = StsgateProcess.start("durability-" + properties.get("stsgate.store.kind"), properties)) {
            URI roles = server.endpoint().resolve("/admin/v1/accounts/" + ReplicaSetup.ACCOUNT + "/roles");
            var enough = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
            var failures = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; failures.get() < 20; i++) {
                        String name = "burst-" + writer + "-" + i;
                        try {
                            var response = http.send(HttpRequest.newBuilder(roles).timeout(Duration.ofSeconds(5))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(role(name))).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 201) {
                                acknowledged.add(name);
                                enough.countDown();
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet(); // the server is gone: unacknowledged, may or may not exist
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "writer-" + w);
                thread.start();
                writers.add(thread);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledged writes before the kill").isTrue();
            server.kill();
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

            server.restart();
            for (String name : acknowledged) {
                var response = http.send(HttpRequest.newBuilder(roles.resolve(roles.getPath() + "/" + name))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as("acknowledged role " + name + " after SIGKILL and restart")
                        .isEqualTo(200);
            }
        }
    }

    private static String role(String name) {
        return """
                {"name": "%s", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "sts:AssumeRole"}]}}
                """.formatted(name, ReplicaSetup.ACCOUNT);
    }
}
