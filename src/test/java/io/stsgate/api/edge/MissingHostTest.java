package io.stsgate.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request without a Host header is answered in AWS's error envelope like any other bad Query request, not with a
 * framework's JSON 400 and an ERROR log line: HTTP/1.1 requires Host (MissingParameter); HTTP/1.0 does not, and its
 * requests are served as usual (here: unsigned, so MissingAuthenticationToken).
 */
@QuarkusTest
class MissingHostTest {

    private static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    @TestHTTPResource("/")
    URL url;

    @Test
    void whenAnHttp10RequestHasNoHostThenAwsErrorEnvelope() throws IOException {
        String response = exchange("POST / HTTP/1.0\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY);

        assertAwsError(response, 403, "MissingAuthenticationToken");
    }

    @Test
    void whenAnHttp11RequestHasNoHostThenAwsErrorEnvelope() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY);

        assertAwsError(response, 400, "MissingParameter");
        assertThat(response).contains("The request must contain the header Host.");
    }

    @Test
    void whenAnHttp11GetHasNoHostThenAwsErrorEnvelope() throws IOException {
        String response = exchange("GET /?" + BODY + " HTTP/1.1\r\nConnection: close\r\n\r\n");

        assertAwsError(response, 400, "MissingParameter");
        assertThat(response).contains("Host");
    }

    private static void assertAwsError(String response, int status, String code) {
        assertThat(response).startsWith("HTTP/1.");
        assertThat(response.lines().findFirst().orElseThrow()).contains(" " + status + " ");
        assertThat(response.toLowerCase()).contains("content-type: text/xml");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Type>Sender</Type>")
                .contains("<Code>" + code + "</Code>")
                .contains("<RequestId>");
    }

    private String exchange(String request) throws IOException {
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
