package io.stsgate.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;
import io.stsgate.testsupport.process.AwsCli;
import io.stsgate.testsupport.process.ProtectedStorage;
import io.stsgate.testsupport.process.RequiresNginx;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The nginx face with sessions from AssumeRoleWithWebIdentity on a real Keycloak token: the user's department (the
 * token's AWS tags claim) becomes the session tag that picks the one bucket the role reaches, through the shipped
 * nginx configuration in front of S3Proxy, with the AWS CLI and boto3. One shared Keycloak.
 */
@QuarkusTest
@TestProfile(NginxWebIdentityEndToEndTest.Profile.class)
@RequiresNginx
@RequiresKeycloak
class NginxWebIdentityEndToEndTest {

    /** The directory names the shared Keycloak's issuer, known only once it runs. */
    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String issuer = KeycloakServer.shared().issuer();
            try {
                String directory = Files.readString(Path.of("src", "test", "resources", "authz",
                        "nginx-web-identity-directory.yaml")).replace("ISSUER", issuer)
                        .replace("PROVIDER", issuer.substring(issuer.indexOf("://") + 3));
                Path file = Files.createDirectories(Path.of("target", "nginx-e2e"))
                        .resolve("web-identity-directory-" + UUID.randomUUID() + ".yaml");
                Files.writeString(file, directory);
                return Map.of("stsgate.directory.file", file.toString(),
                        "stsgate.authz.nginx-key-sha256",
                        "6fc76c06cecb289a3a8c8512066f6aaf5d11c14711d0bac17d21ae43b24dcd7c");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String TEAM_ROLE = "arn:aws:iam::777777777777:role/web-team";

    private static Path folder;
    private static ProtectedStorage storage;
    private static AwsCli cli;

    @TestHTTPResource("/")
    URL url;

    @BeforeEach
    void startNginxInFrontOfS3Proxy() throws Exception {
        if (storage != null) {
            return;
        }
        storage = ProtectedStorage.start(url.getPort());
        folder = storage.folder();
        cli = new AwsCli(Files.createDirectories(folder.resolve("home")));
        AwsCli.Credentials admin;
        try (var sts = TestClients.sts(url.toURI(), AwsBasicCredentials.create("AKIANGINXE2EWEBOP001",
                "nginx-e2e-web-operator-secret-00000000001"))) {
            var c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::777777777777:role/storage-admin")
                    .roleSessionName("setup")).credentials();
            admin = new AwsCli.Credentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
        for (String bucket : new String[] { "team-engineering", "team-finance" }) {
            succeeds(cli.aws(admin, "s3", "mb", "s3://" + bucket, "--endpoint-url", endpoint()));
        }
        Path plan = Files.createDirectories(folder.resolve("files")).resolve("budget.txt");
        Files.writeString(plan, "finance budget");
        succeeds(cli.aws(admin, "s3", "cp", plan.toString(), "s3://team-finance/budget.txt", "--endpoint-url",
                endpoint()));
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

    private AwsCli.Credentials signIn(KeycloakUser user) throws Exception {
        String token = KeycloakServer.shared().tokens().idTokenFor(user);
        try (var sts = TestClients.anonymous(url.toURI())) {
            var c = sts.assumeRoleWithWebIdentity(r -> r.roleArn(TEAM_ROLE).roleSessionName(user.username())
                    .webIdentityToken(token)).credentials();
            return new AwsCli.Credentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
    }

    private static AwsCli.Run succeeds(AwsCli.Run run) {
        assertThat(run.exitCode())
                .as("%s%nnginx error log:%n%s", run.output(), storage == null ? "" : storage.nginx().errorLog())
                .isZero();
        return run;
    }

    @Test
    void aKeycloakUsersDepartmentPicksTheOnlyBucketTheyReach() throws Exception {
        var alice = signIn(KeycloakUser.ALICE);
        Path notes = folder.resolve("files").resolve("notes.txt");
        Files.writeString(notes, "engineering notes");

        succeeds(cli.aws(alice, "s3", "cp", notes.toString(), "s3://team-engineering/notes.txt", "--endpoint-url",
                endpoint()));
        assertThat(succeeds(cli.aws(alice, "s3", "ls", "s3://team-engineering/", "--endpoint-url", endpoint()))
                .stdout()).contains("notes.txt");
        var denied = cli.aws(alice, "s3api", "get-object", "--bucket", "team-finance", "--key", "budget.txt",
                folder.resolve("files/leak.txt").toString(), "--endpoint-url", endpoint());
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("An error occurred (AccessDenied) when calling the GetObject operation");

        var bob = signIn(KeycloakUser.BOB);
        var boto3 = cli.python(bob, """
                import boto3, botocore.config, botocore.exceptions
                s3 = boto3.client('s3', endpoint_url='%s',
                                  config=botocore.config.Config(s3={'addressing_style': 'path'}))
                print('read', s3.get_object(Bucket='team-finance', Key='budget.txt')['Body'].read().decode())
                try:
                    s3.put_object(Bucket='team-engineering', Key='bob.txt', Body=b'x')
                    print('engineering writable')
                except botocore.exceptions.ClientError as e:
                    print('engineering refused', e.response['Error']['Code'])
                """.formatted(endpoint()), null);
        assertThat(boto3.exitCode()).as(boto3.output()).isZero();
        assertThat(boto3.stdout()).contains("read finance budget").contains("engineering refused AccessDenied");
    }
}
