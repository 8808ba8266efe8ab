package io.stsgate.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The finding: 1,500 connections trickling one header line every 15 s were held for 30 minutes. With the shipped
 * settings, each is closed once it has been silent for the idle timeout, before its next line is due; so is an upload
 * whose body stalls. The connection cap is {@link ConnectionCapTest}.
 */
@QuarkusTest
class SlowClientTest {

    private static final int CONNECTIONS = 1_500;
    private static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL url;

    @Test
    void whenConnectionsTrickleHeadersEvery15SecondsThenEachIsClosedWithinTheIdleTimeout() throws Exception {
        Duration idleTimeout = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        assertThat(idleTimeout).as("shorter than the trickle interval").isLessThan(TRICKLE_INTERVAL);

        try (var clients = SlowClients.open(url.getHost(), url.getPort(), CONNECTIONS)) {
            assertClosedWithinTheIdleTimeout(clients, idleTimeout);
        }
    }

    /** A stalled upload: headers complete, the body stops after its first bytes; read and idle timeouts end it. */
    @Test
    void whenAnUploadStallsThenTheConnectionIsClosedWithinTheIdleTimeout() throws Exception {
        Duration idleTimeout = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        Duration readTimeout = ConfigProvider.getConfig().getValue("quarkus.http.read-timeout", Duration.class);
        assertThat(readTimeout).as("blocking body reads give up no later").isLessThanOrEqualTo(idleTimeout);

        try (var clients = SlowClients.openStalledUploads(url.getHost(), url.getPort(), 50)) {
            assertClosedWithinTheIdleTimeout(clients, idleTimeout);
        }
    }

    private static void assertClosedWithinTheIdleTimeout(SlowClients clients, Duration idleTimeout) throws Exception {
        clients.watch(TRICKLE_INTERVAL);

        assertThat(clients.closedCount()).as("closed before the next line was due")
                .isEqualTo(clients.connections().size());
        for (var connection : clients.connections()) {
            assertThat(connection.closedAfter())
                    .isGreaterThanOrEqualTo(idleTimeout.minusSeconds(1))
                    // slack for a loaded machine: still before the next line was due
                    .isLessThanOrEqualTo(idleTimeout.plusSeconds(5));
        }
    }
}
