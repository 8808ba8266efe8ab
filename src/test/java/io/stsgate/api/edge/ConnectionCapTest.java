package io.stsgate.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The connection cap (quarkus.http.limits.max-connections, 10,000 shipped; 20 here). Quarkus counts open HTTP
 * connections and closes every connection accepted beyond the cap at once, before reading a byte: the client sees the
 * stream end without a response, not a queued wait. Connections already open keep being served, and once some close
 * the server accepts new ones again.
 */
@QuarkusTest
@TestProfile(ConnectionCapTest.SmallCap.class)
class ConnectionCapTest {

    static final int CAP = 20;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    /** A cap of 20; the idle timeout is raised so the held connections outlive the test. */
    public static final class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", String.valueOf(CAP),
                    "quarkus.http.idle-timeout", "60S");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void connectionsBeyondTheCapAreClosedWhileOpenOnesAreServedAndTheServerRecovers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                Socket socket = connect();
                held.add(socket);
                assertThat(exchange(socket)).as("connection %d within the cap", i + 1).startsWith("HTTP/1.1 403");
            }

            for (int i = 0; i < 5; i++) {
                try (Socket beyond = connect()) {
                    assertThat(exchange(beyond)).as("connection beyond the cap").isNull();
                }
            }

            for (Socket socket : held) {
                assertThat(exchange(socket)).as("an open connection is still served").startsWith("HTTP/1.1 403");
            }

            for (Socket socket : held.subList(0, CAP / 2)) {
                socket.close();
            }
            assertThat(servedAfterRecovery(Duration.ofSeconds(10))).as("a new connection once some closed")
                    .startsWith("HTTP/1.1 403");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** The server learns of client closes asynchronously: retry a new connection until it is served. */
    private String servedAfterRecovery(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try (Socket socket = connect()) {
                String answer = exchange(socket);
                if (answer != null || System.nanoTime() > deadline) {
                    return answer;
                }
            }
            Thread.sleep(100);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(url.getHost(), url.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /**
     * Sends an unsigned GetCallerIdentity on a keep-alive connection and reads one response: its status line and
     * headers, or null when the server closed the connection without answering.
     */
    private String exchange(Socket socket) throws IOException {
        String request = "GET /?Action=GetCallerIdentity&Version=2011-06-15 HTTP/1.1\r\nHost: " + url.getHost()
                + "\r\n\r\n";
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    assertThat(head.size()).as("bytes before the close").isZero();
                    return null;
                }
                head.write(next);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            Matcher length = CONTENT_LENGTH.matcher(headers);
            assertThat(length.find()).as("Content-Length in %s", headers).isTrue();
            in.readNBytes(Integer.parseInt(length.group(1)));
            return headers;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer and no close within 10 s", e);
        } catch (IOException reset) {
            // A connection the server closed before reading the request may answer the write with a reset.
            if (socket.isClosed()) {
                throw reset;
            }
            return null;
        }
    }
}
