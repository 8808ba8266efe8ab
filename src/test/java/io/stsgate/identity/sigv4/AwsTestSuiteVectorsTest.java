package io.stsgate.identity.sigv4;

import static io.stsgate.identity.sigv4.SigV4Assertions.assertRejected;
import static io.stsgate.identity.sigv4.SigV4Assertions.assertVerified;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Vectors from AWS's published SigV4 test suites (service names {@code service} and {@code host}), checked with a
 * verifier configured for that service: an implementation-independent check of the canonical form.
 */
class AwsTestSuiteVectorsTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final CredentialResolver<String> SUITE_KEY = (id, token) -> id.equals("AKIDEXAMPLE")
            ? Resolution.resolved(SECRET, "suite")
            : Resolution.unresolved(SigV4Failure.INVALID_CLIENT_TOKEN_ID);

    private static SigV4Verifier verifier(String instant, String service) {
        return new SigV4Verifier(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), Duration.ofMinutes(15),
                service);
    }

    private static SignedRequest request(String method, String path, String query, String body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new SignedRequest(method, path, query, map, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String authorization(String credentialDate, String service, String signedHeaders,
            String signature) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + credentialDate + "/us-east-1/" + service
                + "/aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    @Test
    void whenGetVanillaThenVerified() {
        assertVerified(verifier("2015-08-30T12:36:00Z", "service").verify(request("GET", "/", null, "",
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", authorization("20150830", "service", "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
                SUITE_KEY));
    }

    @Test
    void whenGetVanillaQueryOrderKeyCaseThenVerified() {
        assertVerified(verifier("2015-08-30T12:36:00Z", "service").verify(request("GET", "/",
                "Param2=value2&Param1=value1", "",
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", authorization("20150830", "service", "host;x-amz-date",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")),
                SUITE_KEY));
    }

    @Test
    void whenPostXWwwFormUrlencodedThenVerified() {
        assertVerified(verifier("2015-08-30T12:36:00Z", "service").verify(request("POST", "/", null,
                "Param1=value1",
                "Content-Type", "application/x-www-form-urlencoded",
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", authorization("20150830", "service", "content-type;host;x-amz-date",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")),
                SUITE_KEY));
    }

    @Test
    void whenPostVanillaThenVerified() {
        assertVerified(verifier("2015-08-30T12:36:00Z", "service").verify(request("POST", "/", null, "",
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", authorization("20150830", "service", "host;x-amz-date",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")),
                SUITE_KEY));
    }

    @Test
    void whenOnlyTheDateHeaderIsPresentThenItIsTheSigningDate() {
        // 2011 suite, get-vanilla: no X-Amz-Date, RFC 1123 Date header signed.
        SigV4Result.Verified<String> verified = assertVerified(verifier("2011-09-09T23:36:00Z", "host").verify(
                request("GET", "/", null, "",
                        "Date", "Mon, 09 Sep 2011 23:36:00 GMT",
                        "Host", "host.foo.com",
                        "Authorization", authorization("20110909", "host", "date;host",
                                "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470")),
                SUITE_KEY));

        org.assertj.core.api.Assertions.assertThat(verified.signedAt()).isEqualTo(Instant.parse("2011-09-09T23:36:00Z"));
    }

    @Test
    void whenPathHasDotSegmentsThenTheyAreRemovedBeforeSigning() {
        // 2011 suite, get-relative-relative: /foo/bar/../.. signs as /.
        assertVerified(verifier("2011-09-09T23:36:00Z", "host").verify(
                request("GET", "/foo/bar/../..", null, "",
                        "Date", "Mon, 09 Sep 2011 23:36:00 GMT",
                        "Host", "host.foo.com",
                        "Authorization", authorization("20110909", "host", "date;host",
                                "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470")),
                SUITE_KEY));
    }

    @Test
    void whenVectorIsVerifiedAsStsThenServiceScopeIsRejected() {
        assertRejected(verifier("2015-08-30T12:36:00Z", "sts").verify(request("GET", "/", null, "",
                "Host", "example.amazonaws.com",
                "X-Amz-Date", "20150830T123600Z",
                "Authorization", authorization("20150830", "service", "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
                SUITE_KEY), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }
}
