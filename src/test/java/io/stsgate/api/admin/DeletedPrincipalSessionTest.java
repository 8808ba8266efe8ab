package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.etag;
import static io.stsgate.api.admin.AdminFixtures.json;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Arns;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * A deleted principal's sessions stay dead: a role or user deleted and created again under the same name gets a new
 * unique id, and sessions issued for the old one are refused (InvalidClientTokenId) by every signed call.
 */
@QuarkusTest
@TestSecurity(user = "ops", roles = AdminSecurity.ADMIN)
class DeletedPrincipalSessionTest {

    private static final String ALLOW_STS = """
            {"name": "%s", "policies": {"inline": {"sts": {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}}}}""";

    @TestHTTPResource("/")
    URL url;
    @Inject
    RecordingAuditSink audit;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    private static String users(String account) {
        return ACCOUNTS + "/" + account + "/users";
    }

    private static String roles(String account) {
        return ACCOUNTS + "/" + account + "/roles";
    }

    /** A user allowed every STS action, with a fresh access key; returns its credentials. */
    private static AwsBasicCredentials userWithKey(String account, String name) {
        json().body(ALLOW_STS.formatted(name)).post(users(account)).then().statusCode(201);
        JsonPath key = json().post(users(account) + "/" + name + "/access-keys").then().statusCode(201).extract()
                .jsonPath();
        return AwsBasicCredentials.create(key.getString("id"), key.getString("secretAccessKey"));
    }

    private static void deleteUser(String account, String name, String accessKeyId) {
        String user = users(account) + "/" + name;
        given().header("If-Match", etag(user + "/access-keys/" + accessKeyId))
                .delete(user + "/access-keys/" + accessKeyId).then().statusCode(204);
        given().header("If-Match", etag(user)).delete(user).then().statusCode(204);
    }

    private static void deleteRole(String account, String name) {
        String role = roles(account) + "/" + name;
        given().header("If-Match", etag(role)).delete(role).then().statusCode(204);
    }

    private static String roleId(String account, String name) {
        return given().get(roles(account) + "/" + name).then().statusCode(200).extract().jsonPath()
                .getString("roleId");
    }

    private StsException refusedCallerIdentity(Credentials credentials) throws Exception {
        try (var session = TestClients.withSession(endpoint(), credentials)) {
            return refusal(() -> session.getCallerIdentity());
        }
    }

    private static StsException refusal(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(StsException.class);
        return (StsException) thrown;
    }

    private void assertInvalidToken(StsException refused, ReasonCode reason) {
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(refused.awsErrorDetails().errorMessage())
                .isEqualTo("The security token included in the request is invalid.");
        assertThat(audit.byRequestId(refused.requestId()).orElseThrow().reason()).isEqualTo(reason);
    }

    private static Credentials assume(StsClient sts, String roleArn, String sessionName) {
        return sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)).credentials();
    }

    @Test
    void aRoleDeletedAndCreatedAgainRefusesTheOldSessionsButServesNewOnes() throws Exception {
        String account = createAccount();
        var keys = userWithKey(account, "caller");
        createRole(account, role(account, "worker")).statusCode(201);
        String oldId = roleId(account, "worker");
        String roleArn = Arns.role(account, "/", "worker");
        try (var sts = TestClients.sts(endpoint(), keys)) {
            Credentials old = assume(sts, roleArn, "before");
            try (var session = TestClients.withSession(endpoint(), old)) {
                assertThat(session.getCallerIdentity().userId()).isEqualTo(oldId + ":before");
            }

            deleteRole(account, "worker");
            createRole(account, role(account, "worker")).statusCode(201);

            String newId = roleId(account, "worker");
            assertThat(newId).startsWith("AROA").hasSize(21).isNotEqualTo(oldId);
            assertInvalidToken(refusedCallerIdentity(old), ReasonCode.SESSION_PRINCIPAL_REPLACED);
            try (var session = TestClients.withSession(endpoint(), old)) {
                StsException chained = refusal(() -> assume(session, roleArn, "chained"));
                assertInvalidToken(chained, ReasonCode.SESSION_PRINCIPAL_REPLACED);
            }
            Credentials fresh = assume(sts, roleArn, "after");
            try (var session = TestClients.withSession(endpoint(), fresh)) {
                assertThat(session.getCallerIdentity().userId()).isEqualTo(newId + ":after");
            }
        }
    }

    @Test
    void aDeletedRoleRefusesItsSessions() throws Exception {
        String account = createAccount();
        var keys = userWithKey(account, "caller");
        createRole(account, role(account, "gone")).statusCode(201);
        try (var sts = TestClients.sts(endpoint(), keys)) {
            Credentials old = assume(sts, Arns.role(account, "/", "gone"), "s1");

            deleteRole(account, "gone");

            assertInvalidToken(refusedCallerIdentity(old), ReasonCode.SESSION_PRINCIPAL_DELETED);
        }
    }

    @Test
    void aUserDeletedAndCreatedAgainRefusesItsSessionTokenAndFederationTokenSessions() throws Exception {
        String account = createAccount();
        var keys = userWithKey(account, "dana");
        Credentials sessionToken;
        Credentials federationToken;
        try (var sts = TestClients.sts(endpoint(), keys)) {
            sessionToken = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
            federationToken = sts.getFederationToken(r -> r.name("fed").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                      "Resource": "*"}]}""")).credentials();
        }
        String oldId = given().get(users(account) + "/dana").then().statusCode(200).extract().jsonPath()
                .getString("userId");
        try (var session = TestClients.withSession(endpoint(), sessionToken)) {
            assertThat(session.getCallerIdentity().userId()).isEqualTo(oldId);
        }

        deleteUser(account, "dana", keys.accessKeyId());
        assertInvalidToken(refusedCallerIdentity(sessionToken), ReasonCode.SESSION_PRINCIPAL_DELETED);
        json().body(ALLOW_STS.formatted("dana")).post(users(account)).then().statusCode(201);

        String newId = given().get(users(account) + "/dana").then().statusCode(200).extract().jsonPath()
                .getString("userId");
        assertThat(newId).startsWith("AIDA").hasSize(21).isNotEqualTo(oldId);
        assertInvalidToken(refusedCallerIdentity(sessionToken), ReasonCode.SESSION_PRINCIPAL_REPLACED);
        assertInvalidToken(refusedCallerIdentity(federationToken), ReasonCode.SESSION_PRINCIPAL_REPLACED);
    }

    @Test
    void aPutOfWhatAGetReturnedKeepsTheRoleIdAndSessionsLive() throws Exception {
        String account = createAccount();
        var keys = userWithKey(account, "caller");
        createRole(account, role(account, "kept")).statusCode(201);
        String role = roles(account) + "/kept";
        var read = given().get(role).then().statusCode(200).extract();
        String id = read.jsonPath().getString("roleId");
        try (var sts = TestClients.sts(endpoint(), keys)) {
            Credentials session = assume(sts, Arns.role(account, "/", "kept"), "s1");

            String otherId = read.asString().replace("\"roleId\":\"" + id + "\"",
                    "\"roleId\":\"AROAAAAAAAAAAAAAAAAAA\"");
            assertThat(otherId).contains("AROAAAAAAAAAAAAAAAAAA");
            json().header("If-Match", read.header("ETag")).body(read.asString()).put(role).then().statusCode(200);
            json().header("If-Match", etag(role)).body(otherId).put(role).then().statusCode(200);

            assertThat(roleId(account, "kept")).isEqualTo(id);
            try (var client = TestClients.withSession(endpoint(), session)) {
                assertThat(client.getCallerIdentity().userId()).isEqualTo(id + ":s1");
            }
        }
    }
}
