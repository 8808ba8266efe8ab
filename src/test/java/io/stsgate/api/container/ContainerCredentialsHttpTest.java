package io.stsgate.api.container;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.ManagementInterface;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The container credentials endpoint over HTTP with Kubernetes-shaped tokens: the SDK contract on success, the role
 * an association or the path chooses, EKS Pod Identity's session tags, and each refusal with its status, code and
 * audit reason, the token nowhere in the answer or the audit event.
 */
@QuarkusTest
@WithTestResource(KubernetesIssuerResource.class)
class ContainerCredentialsHttpTest {

    static final String PATH = "/v1/container-credentials";

    @Inject
    RecordingAuditSink audit;

    @TestHTTPResource("/")
    URL url;

    private ServiceAccountTokens cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = ServiceAccountTokens.issuedNow();
    }

    private static Response get(String path, String token) {
        var request = given();
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.get(path).andReturn();
    }

    private AuditEvent event(Response response) {
        return audit.byRequestId(response.header("x-amzn-RequestId")).orElseThrow();
    }

    private AuditEvent refused(String path, String token, int status, String code, ReasonCode reason) {
        Response response = get(path, token);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        assertThat(response.jsonPath().getString("AccessKeyId")).isNull();
        var event = event(response);
        assertThat(event.action()).isEqualTo("GetContainerCredentials");
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        assertThat(event.reason()).isEqualTo(reason);
        if (token != null && token.length() > 20) {
            assertThat(response.asString()).doesNotContain(token);
            assertThat(String.valueOf(event)).doesNotContain(token);
        }
        return event;
    }

    @Test
    void whenThePodIsAssociatedThenTheSdkContractWithItsRoleAndEksPodIdentityTags() {
        String token = cluster.signed(cluster.payments());
        Response response = get(PATH, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var json = response.jsonPath();
        assertThat(json.getString("AccessKeyId")).startsWith("ASIA");
        assertThat(json.getString("SecretAccessKey")).isNotBlank();
        assertThat(json.getString("Token")).isNotBlank();
        assertThat(json.getString("RoleArn")).isEqualTo(KubernetesIssuerResource.PAYMENTS_ROLE);
        assertThat(json.getString("AccountId")).isEqualTo(KubernetesIssuerResource.ACCOUNT);
        Instant expiration = Instant.parse(json.getString("Expiration"));
        assertThat(expiration).isBetween(cluster.now().plusSeconds(3000), cluster.now().plusSeconds(3601));

        var event = event(response);
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.principal()).isEqualTo(cluster.providerArn());
        assertThat(event.subject()).isEqualTo("system:serviceaccount:payments:api");
        assertThat(event.sessionName()).isEqualTo("payments-api-7d9c8b6f5-x2kq9");
        assertThat(event.tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eks-cluster-name", "prod-eu",
                "kubernetes-namespace", "payments",
                "kubernetes-service-account", "api",
                "kubernetes-pod-name", "payments-api-7d9c8b6f5-x2kq9",
                "kubernetes-pod-uid", "5b2f9f2e-0d7c-4f6a-b9b8-2d4c8e1a7f30"));
        assertThat(String.valueOf(event)).doesNotContain(token);

        var caller = TestClients.sts(URI.create(url.toString()), AwsSessionCredentials.create(
                json.getString("AccessKeyId"), json.getString("SecretAccessKey"), json.getString("Token")))
                .getCallerIdentity();
        assertThat(caller.arn()).isEqualTo("arn:aws:sts::" + KubernetesIssuerResource.ACCOUNT
                + ":assumed-role/payments-api/payments-api-7d9c8b6f5-x2kq9");
    }

    @Test
    void whenTheTrustPolicyDoesNotAllowTagSessionThenCredentialsWithoutTags() {
        Response response = get(PATH, cluster.signed(cluster.token("reports", "reader", "reports-0")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("RoleArn")).isEqualTo(KubernetesIssuerResource.NO_TAGS_ROLE);
        assertThat(event(response).tags()).isEmpty();
    }

    @Test
    void theSessionNeverOutlivesTheToken() {
        var token = cluster.payments().claim("exp", cluster.now().getEpochSecond() + 600);
        Response response = get(PATH, cluster.signed(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(response.jsonPath().getString("Expiration")))
                .isBefore(cluster.now().plusSeconds(601)).isAfter(cluster.now().plusSeconds(500));
    }

    @Test
    void whenNoAssociationThenARoleInThePathIsAskedAndItsTrustPolicyDecides() {
        Response response = get(PATH + "/" + KubernetesIssuerResource.BATCH_ROLE,
                cluster.signed(cluster.token("batch", "nightly", "nightly-28512345-abcde")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("RoleArn")).isEqualTo(KubernetesIssuerResource.BATCH_ROLE);
        assertThat(event(response).tags()).containsEntry("eks-cluster-name", cluster.hostAndPath());
    }

    @Test
    void whenThePathNamesAnotherRoleThanTheAssociationThenAccessDenied() {
        refused(PATH + "/" + KubernetesIssuerResource.BATCH_ROLE, cluster.signed(cluster.payments()), 403,
                "AccessDeniedException", ReasonCode.WORKLOAD_ROLE_MISMATCH);
    }

    @Test
    void whenThePathNamesTheAssociatedRoleThenCredentials() {
        assertThat(get(PATH + "/" + KubernetesIssuerResource.PAYMENTS_ROLE, cluster.signed(cluster.payments()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void whenThePathNamesNoRoleArnThenInvalidRequest() {
        refused(PATH + "/arn:aws:iam::777777777777:user/alice", cluster.signed(cluster.payments()), 400,
                "InvalidRequestException", ReasonCode.INVALID_PARAMETER);
    }

    @Test
    void whenNoAuthorizationHeaderThenInvalidToken() {
        refused(PATH, null, 401, "InvalidTokenException", ReasonCode.WORKLOAD_TOKEN_MISSING);
    }

    @Test
    void whenTheTokenIsForAnotherAudienceThenInvalidToken() {
        refused(PATH, cluster.signed(cluster.payments().claim("aud", java.util.List.of("https://kubernetes.default.svc"))),
                401, "InvalidTokenException", ReasonCode.TOKEN_WRONG_AUDIENCE);
    }

    @Test
    void whenTheTokenExpiredThenExpiredToken() {
        long now = cluster.now().getEpochSecond();
        refused(PATH, cluster.signed(cluster.payments().claim("iat", now - 7200).claim("nbf", now - 7200)
                .claim("exp", now - 3600)), 401, "ExpiredTokenException", ReasonCode.TOKEN_EXPIRED);
    }

    @Test
    void whenTheSubjectHasNoAssociationThenAccessDenied() {
        var event = refused(PATH, cluster.signed(cluster.token("payments", "worker", "worker-0")), 403,
                "AccessDeniedException", ReasonCode.WORKLOAD_NOT_ASSOCIATED);
        assertThat(event.subject()).isEqualTo("system:serviceaccount:payments:worker");
    }

    @Test
    void whenTheAssociatedRolesTrustPolicyRefusesThenAccessDenied() {
        var event = refused(PATH, cluster.signed(cluster.token("payments", "intruder", "intruder-0")), 403,
                "AccessDeniedException", ReasonCode.TRUST_POLICY_DENIED);
        assertThat(event.roleArn()).isEqualTo(KubernetesIssuerResource.REFUSING_ROLE);
    }

    @Test
    void whenTheTokenIsOfAnotherClusterThenItsOwnAssociationsCountAndItHasNone() {
        refused(PATH, cluster.signedByOtherCluster(cluster.payments()), 403, "AccessDeniedException",
                ReasonCode.WORKLOAD_NOT_ASSOCIATED);
    }

    @Test
    void whenAnotherClustersKeySignsForThisIssuerThenInvalidToken() {
        String forged = cluster.payments().sign("RS256", KubernetesIssuerResource.KEY_ID, cluster.otherKey());
        refused(PATH, forged, 401, "InvalidTokenException", ReasonCode.TOKEN_BAD_SIGNATURE);
    }

    @Test
    void whenTheKubernetesClaimNamesAnotherServiceAccountThanTheSubjectThenInvalidToken() {
        var token = cluster.payments().claim("sub", "system:serviceaccount:payments:admin");
        refused(PATH, cluster.signed(token), 401, "InvalidTokenException", ReasonCode.TOKEN_CLAIMS_INVALID);
    }

    @Test
    void whenTheHeaderIsGarbageThenInvalidToken() {
        refused(PATH, "not-a-token \u00e9\u00e9 ;;; " + "x".repeat(200), 401, "InvalidTokenException",
                ReasonCode.TOKEN_MALFORMED);
    }

    @Test
    void whenTheHeaderIsOverTheTokenLimitThenInvalidRequest() {
        refused(PATH, "a".repeat(20_001), 400, "InvalidRequestException", ReasonCode.TOKEN_TOO_LARGE);
    }

    @Test
    void whenTheHeaderIsHugeThenTheServerRefusesItBeforeStsgateAndNoCredentials() {
        Response response = get(PATH, "a".repeat(200_000));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.asString()).doesNotContain("AccessKeyId");
    }

    @Test
    void whenTwoAuthorizationHeadersThenInvalidRequest() {
        String token = cluster.signed(cluster.payments());
        Response response = given().header("Authorization", token).header("Authorization", token).get(PATH)
                .andReturn();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("code")).isEqualTo("InvalidRequestException");
    }

    @Test
    void theEndpointAndTheAssociationsAreInTheOpenApiDocument() {
        String openApi = ManagementInterface.request().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/v1/container-credentials:", "/v1/container-credentials/{roleArn}:",
                "/admin/v1/accounts/{accountId}/workload-associations:", "ContainerCredentials:",
                "ContainerProblem:");
    }

    @Test
    void aBearerPrefixIsTolerated() {
        assertThat(get(PATH, "Bearer " + cluster.signed(cluster.payments())).statusCode()).isEqualTo(200);
    }
}
