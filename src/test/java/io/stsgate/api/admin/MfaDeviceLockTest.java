package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createUser;
import static io.stsgate.api.admin.AdminFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.Base32;
import io.stsgate.directory.Arns;
import io.stsgate.testsupport.CapturedLog;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestTotp;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * MFA brute force seen from outside: the unmodified AWS SDK guessing codes gets the device locked, after which even
 * the right code is refused with AWS's MFA message; the admin API shows the lock and clears it.
 */
@QuarkusTest
@TestSecurity(user = "ops", roles = AdminSecurity.ADMIN)
class MfaDeviceLockTest {

    private static final String MFA_FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code. ";

    @TestHTTPResource("/")
    URL url;
    @Inject
    TestClock clock;
    @Inject
    RecordingAuditSink audit;

    private final CapturedLog adminLog = new CapturedLog("stsgate.admin");

    @BeforeEach
    void captureLog() {
        adminLog.attach();
    }

    @AfterEach
    void stopCapturing() {
        adminLog.detach();
    }

    /** A user with an access key and an MFA device, created through the admin API. */
    private record Enrolled(String account, String serialNumber, String lockUrl, AwsBasicCredentials keys,
            byte[] seed) {
    }

    private static Enrolled enroll(String userName) {
        String account = createAccount();
        createUser(account, userName);
        String user = ACCOUNTS + "/" + account + "/users/" + userName;
        JsonPath key = json().post(user + "/access-keys").then().statusCode(201).extract().jsonPath();
        String seed = json().body("{\"name\": \"" + userName + "-phone\"}").post(user + "/mfa-devices").then()
                .statusCode(201).extract().jsonPath().getString("base32StringSeed");
        return new Enrolled(account, Arns.mfa(account, userName + "-phone"),
                user + "/mfa-devices/" + userName + "-phone/lock",
                AwsBasicCredentials.create(key.getString("id"), key.getString("secretAccessKey")), Base32.decode(seed));
    }

    private String rightCode(Enrolled enrolled) {
        return TestTotp.code(enrolled.seed(), clock.instant());
    }

    private static StsException refusal(StsClient sts, String serialNumber, String code) {
        Throwable thrown = catchThrowable(() -> sts.getSessionToken(r -> r.durationSeconds(900)
                .serialNumber(serialNumber).tokenCode(code)));
        assertThat(thrown).isInstanceOf(StsException.class);
        return (StsException) thrown;
    }

    private ReasonCode reason(StsException refused) {
        return audit.byRequestId(refused.requestId()).orElseThrow().reason();
    }

    /** Codes of no nearby step: guesses that cannot succeed by chance. */
    private List<String> wrongCodes(Enrolled enrolled, int count) {
        var right = List.of(rightCode(enrolled), TestTotp.code(enrolled.seed(), clock.instant().minusSeconds(30)),
                TestTotp.code(enrolled.seed(), clock.instant().plusSeconds(30)));
        var codes = new ArrayList<String>();
        for (int n = 0; codes.size() < count; n++) {
            String code = String.format("%06d", n);
            if (!right.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    @Test
    void aBruteForceLoopLocksTheDeviceAndThenEvenTheRightCodeIsRefused() throws Exception {
        Enrolled enrolled = enroll("guessed");
        try (var sts = TestClients.sts(url.toURI(), enrolled.keys())) {
            var reasons = new ArrayList<ReasonCode>();
            for (String code : wrongCodes(enrolled, 30)) {
                StsException refused = refusal(sts, enrolled.serialNumber(), code);
                assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(MFA_FAILED);
                reasons.add(reason(refused));
            }
            assertThat(reasons.subList(0, 5)).containsOnly(ReasonCode.MFA_CODE_INVALID);
            assertThat(reasons.subList(5, 30)).containsOnly(ReasonCode.MFA_DEVICE_LOCKED);

            StsException right = refusal(sts, enrolled.serialNumber(), rightCode(enrolled));

            assertThat(right.statusCode()).isEqualTo(403);
            assertThat(right.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(right.awsErrorDetails().errorMessage()).isEqualTo(MFA_FAILED);
            assertThat(reason(right)).isEqualTo(ReasonCode.MFA_DEVICE_LOCKED);
        }
    }

    @Test
    void theAdminApiShowsTheLockAndClearingItLetsTheOwnerIn() throws Exception {
        Enrolled enrolled = enroll("locked");
        given().get(enrolled.lockUrl()).then().statusCode(200).body("serialNumber", equalTo(enrolled.serialNumber()))
                .body("locked", equalTo(false)).body("failures", equalTo(0)).body("lockedUntil", nullValue());
        try (var sts = TestClients.sts(url.toURI(), enrolled.keys())) {
            for (String code : wrongCodes(enrolled, 2)) {
                refusal(sts, enrolled.serialNumber(), code);
            }
            given().get(enrolled.lockUrl()).then().statusCode(200).body("locked", equalTo(false))
                    .body("failures", equalTo(2));
            for (String code : wrongCodes(enrolled, 3)) {
                refusal(sts, enrolled.serialNumber(), code);
            }
            JsonPath lock = given().get(enrolled.lockUrl()).then().statusCode(200).body("locked", equalTo(true))
                    .extract().jsonPath();
            assertThat(java.time.Instant.parse(lock.getString("lockedUntil")))
                    .isAfter(clock.instant().plus(java.time.Duration.ofMinutes(14)))
                    .isBefore(clock.instant().plus(java.time.Duration.ofMinutes(16)));

            given().delete(enrolled.lockUrl()).then().statusCode(204);

            given().get(enrolled.lockUrl()).then().statusCode(200).body("locked", equalTo(false))
                    .body("failures", equalTo(0)).body("lockedUntil", nullValue());
            var session = sts.getSessionToken(r -> r.durationSeconds(900).serialNumber(enrolled.serialNumber())
                    .tokenCode(rightCode(enrolled)));
            assertThat(session.credentials().accessKeyId()).startsWith("ASIA");
        }
        assertThat(adminLog.messages()).anySatisfy(line -> assertThat(line).contains("\"principal\":\"ops\"")
                .contains("\"method\":\"DELETE\"").contains("\"kind\":\"mfa-device-lock\"")
                .contains("\"key\":\"" + enrolled.serialNumber() + "\""));
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void anAuditorSeesTheLockButCannotClearIt() {
        String lock = ACCOUNTS + "/111111111111/users/alice/mfa-devices/alice/lock";

        given().get(lock).then().statusCode(200).body("serialNumber", equalTo("arn:aws:iam::111111111111:mfa/alice"));
        given().delete(lock).then().statusCode(403);
    }

    @Test
    void theLockOfADeviceOfAnotherUserIsNotFound() {
        String account = createAccount();
        createUser(account, "other");

        given().get(ACCOUNTS + "/111111111111/users/alice/mfa-devices/nobody/lock").then().statusCode(404);
        given().delete(ACCOUNTS + "/" + account + "/users/other/mfa-devices/alice/lock").then().statusCode(404);
    }
}
