package io.stsgate.api.admin;

import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The two places where stsgate once decided otherwise than AWS, both failing open, seen through AssumeRole with the
 * unmodified AWS SDK: NotPrincipal in a trust policy, and a policy variable without a value under an inverted
 * operator. Alice (demo account 111111111111) has the tag {@code team=platform} and no {@code department} tag.
 */
@QuarkusTest
@TestSecurity(user = "ops", roles = AdminSecurity.ADMIN)
class TrustPolicySemanticsSdkTest {

    @TestHTTPResource("/")
    URL url;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    /** A role of {@code account} trusting demo account 111111111111, plus the given statement (JSON), if any. */
    private static String role(String name, String extraStatement) {
        return """
                {"name": "%s", "trustPolicy": {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Demo", "Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}%s]}}
                """.formatted(name, extraStatement.isEmpty() ? "" : ", " + extraStatement);
    }

    private static String teamSessionDeny(String tag) {
        return """
                {"Sid": "TeamSession", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                 "Condition": {"StringNotEquals": {"sts:RoleSessionName": "${aws:PrincipalTag/%s}"}}}""".formatted(tag);
    }

    private StsException refusal(String roleArn, String sessionName) throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)));
            assertThat(thrown).isInstanceOf(StsException.class);
            return (StsException) thrown;
        }
    }

    private String assumedArn(String roleArn, String sessionName) throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            return sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(sessionName)).assumedRoleUser().arn();
        }
    }

    @Test
    void aTrustPolicyAllowingWithNotPrincipalIsRefusedSoNoOtherAccountCanAssumeTheRole() throws Exception {
        String account = createAccount();
        createRole(account, """
                {"name": "open", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "AllButPartner",
                  "Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::222222222222:root"},
                  "Action": "sts:AssumeRole"}]}}""").statusCode(400)
                .body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("Statement 'AllButPartner' (index 0): element 'NotPrincipal' is "
                        + "not allowed in a role trust policy"));

        StsException denied = refusal("arn:aws:iam::" + account + ":role/open", "anyone");
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(denied.statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionPolicyWithNotPrincipalIsAMalformedPolicyDocument() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("np")
                    .policy("""
                            {"Version":"2012-10-17","Statement":[{"Sid":"AllowAll","Effect":"Allow","Action":"*",
                             "Resource":"*"},{"Sid":"Others","Effect":"Deny","NotPrincipal":{"AWS":"111111111111"},
                             "Action":"*","Resource":"*"}]}""")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("Statement 'Others' (index 1)")
                                .contains("'NotPrincipal'");
                    });
        }
    }

    @Test
    void aDenyWithStringNotEqualsOnAnAbsentTagDeniesAndTheDecodedMessageNamesTheVariable() throws Exception {
        // A role of alice's own account: the encoded message explains only trust policies of the caller's account;
        // another account's denial reads like a missing role (issue 11, refusals reveal nothing about other accounts).
        String account = "111111111111";
        String name = "by-department-" + AdminFixtures.newAccountId();
        createRole(account, role(name, teamSessionDeny("department"))).statusCode(201);
        String roleArn = "arn:aws:iam::" + account + ":role/" + name;

        StsException denied = refusal(roleArn, "platform");
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        String text = denied.awsErrorDetails().errorMessage();
        String encoded = text.substring(text.indexOf("Encoded authorization failure message: ")
                + "Encoded authorization failure message: ".length()).trim();
        try (var auditor = TestClients.auditor(endpoint())) {
            String decoded = auditor.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage();
            assertThat(decoded).contains("\"explicitDeny\":true").contains("TeamSession")
                    .contains("condition StringNotEquals on sts:RoleSessionName matched because policy variable "
                            + "${aws:PrincipalTag/department} has no value");
        }
    }

    @Test
    void theSameDenyOnATagTheCallerHasComparesWithTheTag() throws Exception {
        String account = createAccount();
        createRole(account, role("by-team", teamSessionDeny("team"))).statusCode(201);
        String roleArn = "arn:aws:iam::" + account + ":role/by-team";

        assertThat(assumedArn(roleArn, "platform")).isEqualTo("arn:aws:sts::" + account + ":assumed-role/by-team/platform");
        assertThat(refusal(roleArn, "other").awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void anAllowWithStringNotEqualsOnAnAbsentTagAllowsTheUntaggedCaller() throws Exception {
        String account = createAccount();
        createRole(account, """
                {"name": "not-department", "trustPolicy": {"Version": "2012-10-17", "Statement": [
                  {"Sid": "NotDepartment", "Effect": "Allow", "Principal": {"AWS": "111111111111"},
                   "Action": "sts:AssumeRole",
                   "Condition": {"StringNotEquals": {"sts:RoleSessionName": "${aws:PrincipalTag/department}"}}}]}}
                """).statusCode(201);

        assertThat(assumedArn("arn:aws:iam::" + account + ":role/not-department", "anything"))
                .isEqualTo("arn:aws:sts::" + account + ":assumed-role/not-department/anything");
    }
}
