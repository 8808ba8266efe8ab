package io.stsgate.load;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.stsgate.identity.saml.LoadSamlResponses;
import io.stsgate.testsupport.TestJwts;
import io.stsgate.testsupport.TestSigner;

/**
 * Writes the load suite's fixtures ({@code src/test/load/run.sh} runs it from the test class path):
 *
 * <pre>
 * LoadFixtures DIR setup                       keys, keyring and directory file (kept across runs)
 * LoadFixtures DIR FLOW ENDPOINT COUNT...      DIR/FLOW.0.requests, DIR/FLOW.1.requests, ...: that many requests
 *                                              of the flow each, fresh, distinct across the files
 * </pre>
 *
 * A request file has one request per line, tab-separated: method, path, body (URL-encoded form, may be empty), then
 * {@code Name: value} headers; {@code requests.lua} replays them. Every line is a distinct request (another session
 * name, token subject suffix or assertion id); a one-time-use flow (SAML) needs at least as many lines as requests.
 * A new flow (the decision API, the container credentials endpoint) is one more case in {@link #request}.
 */
public final class LoadFixtures {

    private static final String VERSION = "&Version=2011-06-15";

    private final LoadDirectory directory;
    private final URI endpoint;
    private final Instant now = Instant.now();
    private final LoadSamlResponses saml;

    private LoadFixtures(LoadDirectory directory, URI endpoint) {
        this.directory = directory;
        this.endpoint = endpoint;
        this.saml = directory.samlResponses();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: LoadFixtures DIR setup | LoadFixtures DIR FLOW ENDPOINT COUNT...");
        }
        LoadDirectory directory = LoadDirectory.open(Path.of(args[0]));
        if (args[1].equals("setup")) {
            return;
        }
        var fixtures = new LoadFixtures(directory, URI.create(args[2]));
        String flow = args[1];
        int first = 0;
        for (int file = 0; file + 3 < args.length; file++) {
            int from = first;
            int count = Integer.parseInt(args[file + 3]);
            fixtures.write(Path.of(args[0], flow + "." + file + ".requests"), count, i -> fixtures.request(flow, from + i));
            first += count;
        }
    }

    /** Request {@code i} of {@code flow}. */
    private Request request(String flow, int i) {
        return switch (flow) {
            case "web-identity" -> post("Action=AssumeRoleWithWebIdentity" + VERSION
                    + "&RoleArn=" + form(LoadDirectory.WEB_ROLE) + "&RoleSessionName=load-" + i
                    + "&WebIdentityToken=" + idToken(i));
            case "saml" -> post("Action=AssumeRoleWithSAML" + VERSION
                    + "&RoleArn=" + form(LoadDirectory.SAML_ROLE)
                    + "&PrincipalArn=" + form(LoadDirectory.SAML_PROVIDER_ARN)
                    + "&SAMLAssertion=" + form(saml.next(now, "load-" + i + "@load.test")));
            case "assume-role" -> signed("Action=AssumeRole" + VERSION + "&RoleArn=" + form(LoadDirectory.TARGET_ROLE)
                    + "&RoleSessionName=load-" + i + "&DurationSeconds=900");
            case "caller-identity" -> signed("Action=GetCallerIdentity" + VERSION);
            default -> throw new IllegalArgumentException("unknown flow " + flow
                    + " (web-identity, saml, assume-role, caller-identity)");
        };
    }

    /** An ID token valid for an hour, one subject per pool entry, all matching the trust policy's sub pattern. */
    private String idToken(int i) {
        return TestJwts.idToken(LoadDirectory.ISSUER, LoadDirectory.CLIENT_ID, now)
                .claim("sub", TestJwts.SUBJECT + "-" + i)
                .claim("exp", now.getEpochSecond() + 3600)
                .sign("RS256", LoadDirectory.KEY_ID, directory.oidcKey());
    }

    private Request signed(String body) {
        var headers = TestSigner.signPost(endpoint, body,
                TestSigner.longTerm(directory.accessKeyId(), directory.secret()));
        return new Request("POST", "/", body, headers);
    }

    private static Request post(String body) {
        return new Request("POST", "/", body, Map.of("Content-Type", TestSigner.FORM));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Builds the requests on every core (RSA signing of a large SAML pool takes a while) and writes them in order. */
    private void write(Path file, int count, IntFunction<Request> request) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            int chunk = 256;
            for (int start = 0; start < count; start += chunk * threads) {
                var batches = new java.util.ArrayList<Future<String>>();
                for (int t = 0; t < threads; t++) {
                    int from = start + t * chunk;
                    int to = Math.min(count, from + chunk);
                    batches.add(pool.submit(() -> {
                        var lines = new StringBuilder();
                        for (int i = from; i < to; i++) {
                            lines.append(request.apply(i).line()).append('\n');
                        }
                        return lines.toString();
                    }));
                }
                for (Future<String> batch : batches) {
                    out.write(batch.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One HTTP request as {@code requests.lua} reads it. */
    private record Request(String method, String path, String body, Map<String, String> headers) {

        String line() {
            var fields = new LinkedHashMap<String, String>(headers);
            var line = new StringBuilder(method).append('\t').append(path).append('\t').append(body);
            fields.forEach((name, value) -> line.append('\t').append(name).append(": ").append(value));
            return line.toString();
        }
    }
}
