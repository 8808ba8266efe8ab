package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * SIGTERM in the middle of a burst of calls, as Kubernetes stops a pod: every call answered before it has its audit
 * line (the log's writer thread is flushed), the queued events reach the store while it is still open (no store outage
 * reported at shutdown), and the process says it stopped.
 */
class GracefulShutdownIT {

    private static final int CALLERS = 4;
    private static final int STOP_AFTER_ANSWERED = 400;
    private static final Pattern AUDITED_REQUEST = Pattern.compile("\\\\\"requestId\\\\\":\\\\\"([^\\\\\"]+)\\\\\"");

    @TempDir
    Path folder;

    @Test
    void everyAnsweredCallIsAuditedAndTheStoreIsFlushedBeforeItCloses() throws Exception {
        var setup = ReplicaSetup.in(folder);
        var answered = new ConcurrentLinkedQueue<String>();
        String name = "graceful-shutdown-" + System.nanoTime();
        try (var server = StsgateProcess.start(name, setup.embedded(folder.resolve("store")))) {
            var enough = new CountDownLatch(STOP_AFTER_ANSWERED);
            var credentials = AwsBasicCredentials.create(setup.accessKeyId(), setup.secretAccessKey());
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                Thread caller = new Thread(() -> {
                    try (var sts = TestClients.sts(server.endpoint(), credentials)) {
                        while (true) {
                            answered.add(sts.getCallerIdentity().responseMetadata().requestId());
                            enough.countDown();
                        }
                    } catch (RuntimeException e) {
                        // the server is stopping: calls not answered are not expected in the log
                    }
                }, "caller-" + c);
                caller.start();
                callers.add(caller);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("answered calls before SIGTERM").isTrue();
            server.stop();
            for (Thread caller : callers) {
                caller.join(30_000);
            }
        }

        String log = Files.readString(Path.of("target", "it-logs", name + ".log"));
        Set<String> audited = new HashSet<>();
        Matcher matcher = AUDITED_REQUEST.matcher(log);
        while (matcher.find()) {
            audited.add(matcher.group(1));
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(STOP_AFTER_ANSWERED);
        assertThat(answered.stream().filter(id -> !audited.contains(id)).collect(Collectors.toList()))
                .as("answered calls without an audit line").isEmpty();
        assertThat(log).as("store flushed before it closed").doesNotContain("cannot be written to the store")
                .doesNotContain("The store is unavailable").doesNotContain("audit log flush did not finish")
                .contains("stsgate stopped");
    }
}
