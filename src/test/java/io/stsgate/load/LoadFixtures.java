package io.stsgate.load;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.stsgate.identity.saml.LoadSamlResponses;
import io.stsgate.testsupport.TestJwts;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

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
 * A new flow is one more case in {@link #request}.
 */
public final class LoadFixtures {

    private static final String VERSION = "&Version=2011-06-15";

    private final LoadDirectory directory;
    private final URI endpoint;
    private final Instant now = Instant.now();
    private final LoadSamlResponses saml;
    private AwsCredentialsIdentity session;

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
    private LoadRequest request(String flow, int i) {
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
            case "container" -> new LoadRequest("GET", "/v1/container-credentials", "",
                    Map.of("Authorization", serviceAccountToken(i)));
            case "decision" -> nginxSubrequest(i);
            default -> throw new IllegalArgumentException("unknown flow " + flow
                    + " (web-identity, saml, assume-role, caller-identity, container, decision)");
        };
    }

    /**
     * A projected service-account token as the Kubernetes API server issues it (the load provider plays the cluster),
     * one pod per pool entry.
     */
    private String serviceAccountToken(int i) {
        long iat = now.getEpochSecond();
        String pod = "load-api-" + i;
        return new TestJwts.IdToken()
                .claim("iss", LoadDirectory.ISSUER)
                .claim("sub", LoadDirectory.SERVICE_ACCOUNT_SUBJECT)
                .claim("aud", List.of(LoadDirectory.CLIENT_ID))
                .claim("iat", iat)
                .claim("nbf", iat)
                .claim("exp", iat + 3600)
                .claim("jti", UUID.randomUUID().toString())
                .claim("kubernetes.io", Map.of("namespace", "load",
                        "pod", Map.of("name", pod, "uid", UUID.nameUUIDFromBytes(pod.getBytes()).toString()),
                        "serviceaccount", Map.of("name", "api", "uid", "0e7c3b8a-4f1d-4a3e-9c6b-7d2a1f5e8b90")))
                .sign("RS256", LoadDirectory.KEY_ID, directory.oidcKey());
    }

    /**
     * nginx's auth_request subrequest for an S3 GetObject, path-style, signed with temporary credentials of the
     * assume-load role (which may read the bucket): what the nginx face sees behind deploy/nginx/stsgate-s3.conf.
     */
    private LoadRequest nginxSubrequest(int i) {
        String host = "storage.load.test";
        String path = "/" + LoadDirectory.BUCKET + "/objects/" + i + ".json";
        var signed = TestSigner.signS3Get(URI.create("http://" + host + path), sessionCredentials());
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Stsgate-Key", LoadDirectory.NGINX_KEY);
        headers.put("X-Original-Method", "GET");
        headers.put("X-Original-URI", path);
        headers.put("X-Original-Host", host);
        headers.put("X-Original-Scheme", "https");
        headers.put("X-Original-Remote-Addr", "10.0.0.7");
        signed.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Authorization")) {
                headers.put("X-Original-Authorization", value);
            } else if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, value);
            }
        });
        return new LoadRequest("GET", "/authz/v1/nginx/s3", "", headers);
    }

    /** Temporary credentials of the assume-load role, from this stsgate, once per fixture run. */
    private synchronized AwsCredentialsIdentity sessionCredentials() {
        if (session == null) {
            String body = "Action=AssumeRole" + VERSION + "&RoleArn=" + form(LoadDirectory.TARGET_ROLE)
                    + "&RoleSessionName=load-decisions&DurationSeconds=3600";
            var request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
            TestSigner.signPost(endpoint, body, TestSigner.longTerm(directory.accessKeyId(), directory.secret()))
                    .forEach(request::header);
            try {
                var response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("AssumeRole for the decision flow: " + response.statusCode()
                            + " " + response.body());
                }
                session = TestSigner.session(element(response.body(), "AccessKeyId"),
                        element(response.body(), "SecretAccessKey"), element(response.body(), "SessionToken"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return session;
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        if (start < 0 || end < start) {
            throw new IllegalStateException("no " + name + " in the AssumeRole response");
        }
        return xml.substring(start + name.length() + 2, end);
    }

    /** An ID token valid for an hour, one subject per pool entry, all matching the trust policy's sub pattern. */
    private String idToken(int i) {
        return TestJwts.idToken(LoadDirectory.ISSUER, LoadDirectory.CLIENT_ID, now)
                .claim("sub", TestJwts.SUBJECT + "-" + i)
                .claim("exp", now.getEpochSecond() + 3600)
                .sign("RS256", LoadDirectory.KEY_ID, directory.oidcKey());
    }

    private LoadRequest signed(String body) {
        var headers = TestSigner.signPost(endpoint, body,
                TestSigner.longTerm(directory.accessKeyId(), directory.secret()));
        return new LoadRequest("POST", "/", body, headers);
    }

    private static LoadRequest post(String body) {
        return new LoadRequest("POST", "/", body, Map.of("Content-Type", TestSigner.FORM));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Builds the requests on every core (RSA signing of a large SAML pool takes a while) and writes them in order. */
    private void write(Path file, int count, IntFunction<LoadRequest> request) throws Exception {
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
}
