package io.stsgate.api.authz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestSigner;
import io.stsgate.testsupport.process.AwsCli;
import io.stsgate.testsupport.process.ProtectedStorage;
import io.stsgate.testsupport.process.RequiresNginx;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * End to end with real parts: Debian's nginx with the shipped {@code deploy/nginx/stsgate-s3.conf} (only its ports
 * changed) in front of S3Proxy (filesystem backend, no authentication of its own), stsgate deciding every request, and
 * the unmodified AWS CLI v2 and boto3 as clients with temporary credentials from stsgate's AssumeRole. Directory
 * {@code src/test/resources/authz/nginx-directory.yaml}, with the bucket {@code shared-data} and its policy.
 */
@QuarkusTest
@TestProfile(NginxS3EndToEndTest.Profile.class)
@RequiresNginx
class NginxS3EndToEndTest {

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsgate.directory.file", "src/test/resources/authz/nginx-directory.yaml",
                    // SHA-256 of the shipped configuration's placeholder key, which the test leaves as it is.
                    "stsgate.authz.nginx-key-sha256",
                    "6fc76c06cecb289a3a8c8512066f6aaf5d11c14711d0bac17d21ae43b24dcd7c");
        }
    }

    private static final String OPERATOR_KEY = "AKIANGINXE2EOPER0001";
    private static final String OPERATOR_SECRET = "nginx-e2e-operator-secret-0000000000000001";
    private static final String PARTNER_KEY = "AKIANGINXE2EPART0001";
    private static final String PARTNER_SECRET = "nginx-e2e-partner-secret-00000000000000001";
    private static final String ADMIN_ROLE = "arn:aws:iam::555555555555:role/storage-admin";
    private static final String TEAM_ROLE = "arn:aws:iam::555555555555:role/team-member";

    private static Path folder;
    private static ProtectedStorage storage;
    private static AwsCli cli;
    private static AwsCli.Credentials admin;

    @TestHTTPResource("/")
    URL url;

    @Inject
    TestClock clock;

    @BeforeEach
    void startNginxInFrontOfS3Proxy() throws Exception {
        if (storage != null) {
            return;
        }
        storage = ProtectedStorage.start(url.getPort());
        folder = storage.folder();
        cli = new AwsCli(Files.createDirectories(folder.resolve("home")));
        admin = assume(OPERATOR_KEY, OPERATOR_SECRET, r -> r.roleArn(ADMIN_ROLE));
        for (String bucket : new String[] { "team-red", "team-blue", "shared-data" }) {
            succeeds(cli.aws(admin, "s3", "mb", "s3://" + bucket, "--endpoint-url", endpoint()));
        }
        succeeds(cli.aws(admin, "s3api", "put-object", "--bucket", "team-blue", "--key", "plans.txt", "--body",
                write("plans.txt", "blue team plans"), "--endpoint-url", endpoint()));
        succeeds(cli.aws(admin, "s3api", "put-object", "--bucket", "shared-data", "--key", "prices.csv", "--body",
                write("prices.csv", "item,price\n"), "--endpoint-url", endpoint()));
    }

    @AfterAll
    static void stop() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    private static String endpoint() {
        return storage.endpoint().toString();
    }

    private AwsCli.Credentials assume(String key, String secret,
            java.util.function.Consumer<AssumeRoleRequest.Builder> request) throws Exception {
        try (var sts = TestClients.sts(url.toURI(), AwsBasicCredentials.create(key, secret))) {
            var c = sts.assumeRole(r -> {
                r.roleSessionName("nginx-e2e");
                request.accept(r);
            }).credentials();
            return new AwsCli.Credentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
    }

    private AwsCli.Credentials team(String department) throws Exception {
        return assume(OPERATOR_KEY, OPERATOR_SECRET, r -> r.roleArn(TEAM_ROLE)
                .tags(Tag.builder().key("department").value(department).build()));
    }

    private static String write(String name, String content) throws Exception {
        Path file = folder.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file.toAbsolutePath().toString();
    }

    private static AwsCli.Run succeeds(AwsCli.Run run) {
        assertThat(run.exitCode())
                .as("%s%nnginx error log:%n%s", run.output(), storage == null ? "" : storage.nginx().errorLog())
                .isZero();
        return run;
    }

    private static void refused(AwsCli.Run run, String code, String operation) {
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.stderr()).contains("An error occurred (" + code + ") when calling the " + operation
                + " operation");
    }

    @Test
    void theCliCopiesListsAndRemovesThroughNginx() throws Exception {
        String local = write("report.txt", "quarterly numbers\n");
        succeeds(cli.aws(admin, "s3", "cp", local, "s3://team-red/reports/report.txt", "--endpoint-url", endpoint()));

        assertThat(succeeds(cli.aws(admin, "s3", "ls", "--endpoint-url", endpoint())).stdout()).contains("team-red")
                .contains("shared-data");
        assertThat(succeeds(cli.aws(admin, "s3", "ls", "s3://team-red/reports/", "--endpoint-url", endpoint()))
                .stdout()).contains("report.txt");
        Path back = folder.resolve("files").resolve("report-back.txt");
        succeeds(cli.aws(admin, "s3", "cp", "s3://team-red/reports/report.txt", back.toString(), "--endpoint-url",
                endpoint()));
        assertThat(back).hasContent("quarterly numbers");

        succeeds(cli.aws(admin, "s3api", "put-object", "--bucket", "team-red", "--key", "api/one.txt", "--body",
                local, "--endpoint-url", endpoint()));
        Path got = folder.resolve("files").resolve("one-back.txt");
        succeeds(cli.aws(admin, "s3api", "get-object", "--bucket", "team-red", "--key", "api/one.txt",
                got.toString(), "--endpoint-url", endpoint()));
        assertThat(got).hasContent("quarterly numbers");
        assertThat(succeeds(cli.aws(admin, "s3api", "list-objects-v2", "--bucket", "team-red", "--prefix", "api/",
                "--endpoint-url", endpoint())).stdout()).contains("api/one.txt").doesNotContain("reports/");

        succeeds(cli.aws(admin, "s3", "rm", "s3://team-red/reports/report.txt", "--endpoint-url", endpoint()));
        // (aws s3 ls exits with 1 when nothing matches; list-objects-v2 answers an empty listing.)
        assertThat(succeeds(cli.aws(admin, "s3api", "list-objects-v2", "--bucket", "team-red", "--prefix",
                "reports/", "--endpoint-url", endpoint())).stdout()).doesNotContain("report.txt");
    }

    @Test
    void aTeamRoleReachesOnlyItsTeamsBucketWithTheCliAndBoto3() throws Exception {
        var red = team("red");
        succeeds(cli.aws(red, "s3", "cp", write("red.txt", "red"), "s3://team-red/red.txt", "--endpoint-url",
                endpoint()));
        assertThat(succeeds(cli.aws(red, "s3", "ls", "s3://team-red/", "--endpoint-url", endpoint())).stdout())
                .contains("red.txt");

        refused(cli.aws(red, "s3api", "put-object", "--bucket", "team-blue", "--key", "red.txt", "--body",
                write("red2.txt", "red"), "--endpoint-url", endpoint()), "AccessDenied", "PutObject");
        refused(cli.aws(red, "s3api", "get-object", "--bucket", "team-blue", "--key", "plans.txt",
                folder.resolve("files/stolen.txt").toString(), "--endpoint-url", endpoint()), "AccessDenied",
                "GetObject");
        refused(cli.aws(red, "s3", "ls", "--endpoint-url", endpoint()), "AccessDenied", "ListBuckets");

        var boto3 = cli.python(red, """
                import boto3, botocore.config, botocore.exceptions
                s3 = boto3.client('s3', endpoint_url='%s',
                                  config=botocore.config.Config(s3={'addressing_style': 'path'}))
                s3.put_object(Bucket='team-red', Key='boto3.txt', Body=b'from boto3')
                print('read', s3.get_object(Bucket='team-red', Key='boto3.txt')['Body'].read().decode())
                print('listed', [o['Key'] for o in s3.list_objects_v2(Bucket='team-red', Prefix='boto3')['Contents']])
                try:
                    s3.get_object(Bucket='team-blue', Key='plans.txt')
                    print('blue readable')
                except botocore.exceptions.ClientError as e:
                    print('blue refused', e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])
                """.formatted(endpoint()), null);
        assertThat(boto3.exitCode()).as(boto3.output()).isZero();
        assertThat(boto3.stdout()).contains("read from boto3").contains("listed ['boto3.txt']")
                .contains("blue refused AccessDenied 403");
    }

    @Test
    void aSessionPolicyNarrowsTheTeamRole() throws Exception {
        var red = team("red");
        succeeds(cli.aws(red, "s3", "cp", write("narrow.txt", "narrow"), "s3://team-red/narrow.txt",
                "--endpoint-url", endpoint()));
        var readOnly = assume(OPERATOR_KEY, OPERATOR_SECRET, r -> r.roleArn(TEAM_ROLE)
                .tags(Tag.builder().key("department").value("red").build())
                .policy("""
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                         "Resource": "arn:aws:s3:::team-red/*"}]}"""));

        Path got = folder.resolve("files/narrow-back.txt");
        succeeds(cli.aws(readOnly, "s3api", "get-object", "--bucket", "team-red", "--key", "narrow.txt",
                got.toString(), "--endpoint-url", endpoint()));
        refused(cli.aws(readOnly, "s3api", "put-object", "--bucket", "team-red", "--key", "more.txt", "--body",
                got.toString(), "--endpoint-url", endpoint()), "AccessDenied", "PutObject");
        refused(cli.aws(readOnly, "s3api", "list-objects-v2", "--bucket", "team-red", "--endpoint-url", endpoint()),
                "AccessDenied", "ListObjectsV2");
    }

    @Test
    void aTamperedSignatureIsSignatureDoesNotMatch() {
        var tampered = new AwsCli.Credentials(admin.accessKeyId(), "x" + admin.secretAccessKey().substring(1),
                admin.sessionToken());

        refused(cli.aws(tampered, "s3", "ls", "--endpoint-url", endpoint()), "SignatureDoesNotMatch", "ListBuckets");
    }

    @Test
    void aRequestReplayedToAnotherPathIsSignatureDoesNotMatch() {
        var replay = cli.python(admin, """
                import urllib.request, urllib.error, botocore.session
                from botocore.auth import S3SigV4Auth
                from botocore.awsrequest import AWSRequest
                credentials = botocore.session.get_session().get_credentials()
                signed = AWSRequest(method='GET', url='%1$s/team-blue/plans.txt')
                S3SigV4Auth(credentials, 's3', 'us-east-1').add_auth(signed)
                def send(path):
                    try:
                        r = urllib.request.urlopen(urllib.request.Request('%1$s' + path, headers=dict(signed.headers.items())))
                        print(path, r.status, r.read().decode())
                    except urllib.error.HTTPError as e:
                        print(path, e.code, e.read().decode())
                send('/team-blue/plans.txt')
                send('/shared-data/prices.csv')
                """.formatted(endpoint()), null);

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.stdout()).contains("/team-blue/plans.txt 200 blue team plans")
                .contains("/shared-data/prices.csv 403").contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyId() {
        var stranger = new AwsCli.Credentials("AKIAZZZZZZZZZZZZZZZZ", "not-a-secret-stsgate-knows-0000000000000",
                null);

        refused(cli.aws(stranger, "s3", "ls", "--endpoint-url", endpoint()), "InvalidAccessKeyId", "ListBuckets");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aRevokedSessionIsAccessDenied() throws Exception {
        var red = team("red");
        succeeds(cli.aws(red, "s3", "ls", "s3://team-red/", "--endpoint-url", endpoint()));

        given().contentType(ContentType.JSON).body(Map.of("scope", "access-key", "target", red.accessKeyId(),
                "reason", "nginx end-to-end test")).post("/admin/v1/revocations").then().statusCode(201);

        refused(cli.aws(red, "s3", "ls", "s3://team-red/", "--endpoint-url", endpoint()), "AccessDenied",
                "ListObjectsV2");
    }

    /**
     * The CLI signs with the real time, so the session is issued in the past instead: stsgate's clock goes back two
     * hours for the AssumeRole call (signed at that time) and the 15-minute session has expired when the CLI uses it.
     */
    @Test
    void anExpiredSessionIsExpiredToken() throws Exception {
        AwsCli.Credentials expired;
        clock.advance(Duration.ofHours(-2));
        try {
            String body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + URLEncoder.encode(TEAM_ROLE,
                    StandardCharsets.UTF_8) + "&RoleSessionName=expired&DurationSeconds=900";
            URI sts = url.toURI();
            var headers = TestSigner.signPost(sts, body, TestSigner.longTerm(OPERATOR_KEY, OPERATOR_SECRET), clock);
            String response = given().config(io.restassured.config.RestAssuredConfig.config().encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .headers(headers).contentType(TestSigner.FORM).body(body).post(sts).then().statusCode(200)
                    .extract().asString();
            expired = new AwsCli.Credentials(xml(response, "AccessKeyId"), xml(response, "SecretAccessKey"),
                    xml(response, "SessionToken"));
        } finally {
            clock.advance(Duration.ofHours(2));
        }

        refused(cli.aws(expired, "s3", "ls", "s3://team-red/", "--endpoint-url", endpoint()), "ExpiredToken",
                "ListObjectsV2");
    }

    @Test
    void aCrossAccountBucketPolicyNeedsTheCallersOwnPolicyToo() throws Exception {
        var reader = assume(PARTNER_KEY, PARTNER_SECRET, r -> r.roleArn("arn:aws:iam::666666666666:role/partner-reader"));
        Path got = folder.resolve("files/prices-back.csv");

        // Both sides allow: the partner's policy and the storage account's bucket policy.
        succeeds(cli.aws(reader, "s3api", "get-object", "--bucket", "shared-data", "--key", "prices.csv",
                got.toString(), "--endpoint-url", endpoint()));
        assertThat(got).hasContent("item,price");
        // The partner's policy allows writing, the bucket policy does not.
        refused(cli.aws(reader, "s3api", "put-object", "--bucket", "shared-data", "--key", "prices.csv", "--body",
                got.toString(), "--endpoint-url", endpoint()), "AccessDenied", "PutObject");
        // The bucket policy names this role, its own policy allows nothing.
        var unprivileged = assume(PARTNER_KEY, PARTNER_SECRET,
                r -> r.roleArn("arn:aws:iam::666666666666:role/partner-unprivileged"));
        refused(cli.aws(unprivileged, "s3api", "get-object", "--bucket", "shared-data", "--key", "prices.csv",
                folder.resolve("files/nothing.csv").toString(), "--endpoint-url", endpoint()), "AccessDenied",
                "GetObject");
    }

    private static String xml(String document, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(document);
        assertThat(m.find()).as(document).isTrue();
        return m.group(1);
    }
}
