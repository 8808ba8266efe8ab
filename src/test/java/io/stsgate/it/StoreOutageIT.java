package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.testsupport.TestTotp;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;
import io.stsgate.testsupport.store.PrivatePostgres;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Issue 12: a frozen store (every process of a private PostgreSQL stopped with SIGSTOP, under load) never freezes
 * stsgate. Calls that need the store (MFA, SAML replay) answer 503 within {@code stsgate.store.timeout}; calls that do
 * not (GetCallerIdentity, AssumeRole without MFA, liveness) keep answering at once; readiness reports the store down;
 * after SIGCONT everything recovers by itself; the log reports the outage once and the recovery once; and every
 * credential issued during the outage is in the audit trail afterwards.
 */
class StoreOutageIT {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    /** The store timeout plus scheduling slack on a busy machine. */
    private static final Duration STORE_BOUND = STORE_TIMEOUT.plusMillis(1500);
    /** Far below the store timeout: a call that waited for the store would take longer. */
    private static final Duration NORMAL_LATENCY = Duration.ofMillis(1500);
    private static final Duration FROZEN_FOR = Duration.ofSeconds(12);

    @TempDir
    Path folder;
    @TempDir
    Path postgresFolder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The management interface: health answers there, never on the public port. */
    private URI management;

    @Test
    void aFrozenStoreSlowsOnlyTheCallsThatNeedItAndEverythingRecoversByItself() throws Exception {
        requirePostgresBinaries();
        var setup = ReplicaSetup.in(folder);
        try (var postgres = PrivatePostgres.start(postgresFolder)) {
            var properties = setup.postgres(postgres.url(), postgres.user());
            properties.put("stsgate.store.timeout", "PT2S");
            properties.put("stsgate.store.poll-interval", "PT1S");
            String name = "store-outage-" + System.currentTimeMillis();
            try (var server = StsgateProcess.start(name, properties);
                    var operator = client(server.endpoint(), StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(setup.accessKeyId(), setup.secretAccessKey())));
                    var anonymous = client(server.endpoint(), AnonymousCredentialsProvider.create())) {
                management = server.managementEndpoint();
                Path log = Path.of("target", "it-logs", name + ".log");
                // Before: everything works, MFA and SAML included.
                assumeRoleWithMfa(operator, setup, "first");
                assumeRoleWithSaml(anonymous, setup);

                var load = new Load(operator);
                load.start();
                Thread.sleep(1000);

                postgres.freeze();
                Instant frozenAt = Instant.now();
                boolean readinessDown = false;
                var storeCalls = new ArrayList<Outcome>();
                while (Duration.between(frozenAt, Instant.now()).compareTo(FROZEN_FOR) < 0) {
                    storeCalls.add(timed("AssumeRole with MFA", () -> assumeRoleWithMfa(operator, setup, "first")));
                    storeCalls.add(timed("AssumeRoleWithSAML", () -> assumeRoleWithSaml(anonymous, setup)));
                    readinessDown |= status("/q/health/ready", Duration.ofSeconds(5)) == 503;
                }
                postgres.thaw();
                Instant thawedAt = Instant.now();

                for (Outcome call : storeCalls) {
                    assertThat(call.errorCode()).as(call + ": retryable, never InvalidIdentityToken")
                            .isIn("ServiceUnavailable", "InternalFailure");
                    assertThat(call.elapsed()).as(call + " answered within the store timeout")
                            .isLessThanOrEqualTo(STORE_BOUND);
                }
                assertThat(readinessDown).as("readiness reported the frozen store").isTrue();

                // Recovery without a restart: readiness, MFA (a device not used during the outage) and SAML.
                awaitWithin(Duration.ofSeconds(15), "readiness after SIGCONT",
                        () -> status("/q/health/ready", Duration.ofSeconds(5)) == 200);
                awaitWithin(Duration.ofSeconds(10), "MFA after SIGCONT",
                        () -> timed("MFA", () -> assumeRoleWithMfa(operator, setup, "second")).errorCode() == null);
                awaitWithin(Duration.ofSeconds(10), "SAML after SIGCONT",
                        () -> timed("SAML", () -> assumeRoleWithSaml(anonymous, setup)).errorCode() == null);
                System.out.println("[store-outage] recovered " + Duration.between(thawedAt, Instant.now()).toMillis()
                        + " ms after SIGCONT; " + storeCalls.size() + " store calls during the freeze");

                load.stop();
                assertThat(load.failures).as("calls without the store during the outage").isEmpty();
                assertThat(load.slowest()).as("slowest call without the store during the outage")
                        .isLessThan(NORMAL_LATENCY);
                assertThat(load.issued.size()).as("AssumeRole calls during the run").isGreaterThan(20);

                assertEveryIssuanceStored(postgres, load.issued);
                String output = Files.readString(log);
                assertThat(count(output, "The store is unavailable")).as("outage reports in " + log).isEqualTo(1);
                assertThat(count(output, "The store answers again")).as("recovery reports in " + log).isEqualTo(1);
                // The outage, and the audit writer waiting for the store: reported once each, not per call or poll.
                assertThat(count(output, "\"level\":\"WARN\"")).as("WARN lines in " + log).isLessThanOrEqualTo(3);
                assertThat(count(output, "\"level\":\"ERROR\"")).as("ERROR lines in " + log).isZero();
            }
        }
    }

    /** Every AssumeRole answered 200 during the run (many while the store was frozen) is in the audit trail. */
    private static void assertEveryIssuanceStored(PrivatePostgres postgres, ConcurrentLinkedQueue<String> issued)
            throws Exception {
        Set<String> expected = new HashSet<>(issued);
        Set<String> stored = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            stored.clear();
            try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                    Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "select request_id from audit_event where action = 'AssumeRole' and outcome = 'SUCCESS'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            if (stored.containsAll(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        expected.removeAll(stored);
        assertThat(expected).as("issuance events missing from the store after the outage").isEmpty();
    }

    private static void assumeRoleWithMfa(StsClient sts, ReplicaSetup setup, String device) {
        sts.assumeRole(r -> r.roleArn(ReplicaSetup.ROLE_ARN).roleSessionName("with-mfa")
                .serialNumber(ReplicaSetup.mfaDevice(device))
                .tokenCode(TestTotp.code(setup.mfaSeed(), Instant.now())));
    }

    private static void assumeRoleWithSaml(StsClient sts, ReplicaSetup setup) {
        String assertion = SignedSamlResponses.base64(setup.idp(), ReplicaSetup.PUBLIC_URL + "/saml",
                Instant.now(), SignedSamlResponses.attributes("alice",
                        ReplicaSetup.SAML_ROLE_ARN + "," + ReplicaSetup.SAML_PROVIDER_ARN));
        sts.assumeRoleWithSAML(r -> r.roleArn(ReplicaSetup.SAML_ROLE_ARN)
                .principalArn(ReplicaSetup.SAML_PROVIDER_ARN).samlAssertion(assertion));
    }

    private int status(String path, Duration timeout) {
        try {
            return http.send(HttpRequest.newBuilder(management.resolve(path)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Outcome timed(String what, Runnable call) {
        long start = System.nanoTime();
        String code = null;
        try {
            call.run();
        } catch (StsException e) {
            code = e.awsErrorDetails().errorCode();
        } catch (RuntimeException e) {
            code = e.getClass().getSimpleName();
        }
        return new Outcome(what, code, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Outcome(String call, String errorCode, Duration elapsed) {
    }

    private static void awaitWithin(Duration limit, String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what + " within " + limit).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private static StsClient client(URI endpoint, AwsCredentialsProvider credentials) {
        // No retries: the test looks at each answer, as a client with its own retry policy would.
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static void requirePostgresBinaries() {
        if (PrivatePostgres.binaries().isEmpty()) {
            String reason = "no PostgreSQL server binaries (initdb, pg_ctl) for a private cluster";
            if (Boolean.getBoolean("postgres.required")) {
                throw new IllegalStateException("postgres.required is set but there are " + reason);
            }
            System.err.println("[postgres] SKIPPED StoreOutageIT: " + reason);
            Assumptions.abort(reason);
        }
    }

    /**
     * Calls that do not need the store, in a loop on four threads: GetCallerIdentity, AssumeRole without MFA (whose
     * request ids must all reach the audit trail) and liveness.
     */
    private final class Load {
        final ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Duration> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final StsClient sts;

        Load(StsClient sts) {
            this.sts = sts;
        }

        void start() {
            threads.add(loop("GetCallerIdentity", () -> sts.getCallerIdentity().arn()));
            threads.add(loop("AssumeRole", () -> sts.assumeRole(r -> r.roleArn(ReplicaSetup.ROLE_ARN)
                    .roleSessionName("no-mfa")).responseMetadata().requestId()));
            threads.add(loop("AssumeRole", () -> sts.assumeRole(r -> r.roleArn(ReplicaSetup.ROLE_ARN)
                    .roleSessionName("no-mfa-2")).responseMetadata().requestId()));
            threads.add(loop("live", () -> {
                int status = status("/q/health/live", Duration.ofSeconds(10));
                if (status != 200) {
                    throw new IllegalStateException("live answered " + status);
                }
                return null;
            }));
        }

        private Thread loop(String what, Supplier<String> call) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        String id = call.get();
                        if (what.equals("AssumeRole")) {
                            issued.add(id);
                        }
                    } catch (RuntimeException e) {
                        failures.add(what + ": " + e);
                    }
                    latencies.add(Duration.ofNanos(System.nanoTime() - start));
                }
            }, "load-" + what);
            thread.start();
            return thread;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        Duration slowest() {
            return latencies.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }
}
