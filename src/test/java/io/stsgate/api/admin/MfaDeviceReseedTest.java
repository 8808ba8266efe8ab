package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createUser;
import static io.stsgate.api.admin.AdminFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stsgate.crypto.Base32;
import io.stsgate.directory.Arns;
import io.stsgate.directory.store.StoredDirectory;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestTotp;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * PUT on an MFA device re-seeds it (a lost or re-enrolled phone): a new seed shown once under the same serial
 * number, with the If-Match rules of every other PUT; the old seed's codes stop working at once.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class MfaDeviceReseedTest {

    @TestHTTPResource("/")
    URL url;

    @Inject
    StoredDirectory directory;

    @Inject
    TestClock clock;

    @Test
    void reseedingShowsANewSeedOnceAndGivesANewETag() {
        String account = createAccount();
        createUser(account, "una");
        String device = devices(account, "una") + "/una-phone";
        Response created = json().body("{\"name\": \"una-phone\"}").post(devices(account, "una"));
        String oldSeed = created.then().statusCode(201).extract().jsonPath().getString("base32StringSeed");
        String oldTag = created.header("ETag");

        Response reseeded = json().header("If-Match", oldTag).body("{\"name\": \"una-phone\"}").put(device);

        JsonPath answer = reseeded.then().statusCode(200).body("arn", equalTo(Arns.mfa(account, "una-phone")))
                .body("user", equalTo("una")).header("Cache-Control", "no-store").extract().jsonPath();
        String seed = answer.getString("base32StringSeed");
        assertThat(reseeded.header("ETag")).isEqualTo("\"2\"").isNotEqualTo(oldTag);
        assertThat(seed).matches("[A-Z2-7]{32}").isNotEqualTo(oldSeed);
        assertThat(answer.getString("otpauthUri")).startsWith("otpauth://totp/stsgate%3Auna-phone%40" + account)
                .contains("secret=" + seed);
        assertThat(directory.mfaDevice(Arns.mfa(account, "una-phone")).orElseThrow().seed())
                .isEqualTo(Base32.decode(seed));
        assertThat(given().get(device).then().statusCode(200).header("ETag", "\"2\"").extract().asString())
                .doesNotContain(seed).doesNotContain("seed").doesNotContain("otpauth");
    }

    @Test
    void afterReseedingTheOldSeedsCodeIsRefusedAndTheNewSeedsAccepted() throws Exception {
        String account = createAccount();
        String users = ACCOUNTS + "/" + account + "/users/";
        createUser(account, "vic");
        JsonPath key = json().post(users + "vic/access-keys").then().statusCode(201).extract().jsonPath();
        String device = devices(account, "vic") + "/vic-phone";
        byte[] oldSeed = Base32.decode(json().body("{\"name\": \"vic-phone\"}").post(devices(account, "vic")).then()
                .statusCode(201).extract().jsonPath().getString("base32StringSeed"));

        // An empty body: the name is the URL's.
        byte[] newSeed = Base32.decode(json().header("If-Match", "\"1\"").put(device).then().statusCode(200)
                .extract().jsonPath().getString("base32StringSeed"));

        String serialNumber = Arns.mfa(account, "vic-phone");
        var credentials = AwsBasicCredentials.create(key.getString("id"), key.getString("secretAccessKey"));
        try (var sts = TestClients.sts(url.toURI(), credentials)) {
            // Refused codes are not recorded as used, so the new seed's code of the same step is still fresh.
            assertThatThrownBy(() -> sessionWithMfa(sts, serialNumber, TestTotp.code(oldSeed, clock.instant())))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            Instant expiration = sessionWithMfa(sts, serialNumber, TestTotp.code(newSeed, clock.instant()));
            assertThat(expiration).isAfter(Instant.now());
        }
    }

    @Test
    void reseedingWithoutIfMatchIsRefusedWith428() {
        String account = createAccount();
        String device = createDevice(account, "wes");

        json().put(device).then().statusCode(428).body("error.code", equalTo("PreconditionRequired"))
                .body("error.field", equalTo("If-Match"));
        given().get(device).then().header("ETag", "\"1\"");
    }

    @Test
    void reseedingWithAStaleETagIsRefusedWith412() {
        String account = createAccount();
        String device = createDevice(account, "xia");
        json().header("If-Match", "\"1\"").put(device).then().statusCode(200);

        json().header("If-Match", "\"1\"").put(device).then().statusCode(412)
                .body("error.code", equalTo("PreconditionFailed"));
        given().get(device).then().header("ETag", "\"2\"");
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void anAuditorCannotReseed() {
        String device = ACCOUNTS + "/111111111111/users/alice/mfa-devices/alice";
        String tag = given().get(device).then().statusCode(200).body("arn", equalTo(Demo.ALICE_MFA)).extract()
                .header("ETag");

        json().header("If-Match", tag).put(device).then().statusCode(403);
        given().get(device).then().header("ETag", tag);
    }

    @Test
    void aBodyNamingAnotherDeviceIsRefusedNamingTheField() {
        String account = createAccount();
        String device = createDevice(account, "yan");

        json().header("If-Match", "\"1\"").body("{\"name\": \"other-phone\"}").put(device).then().statusCode(400)
                .body("error.code", equalTo("ValidationError")).body("error.field", equalTo("name"));
    }

    @Test
    void aBodySettingTheSeedIsRefused() {
        String account = createAccount();
        String device = createDevice(account, "zoe");

        json().header("If-Match", "\"1\"").body("{\"seed\": \"JBSWY3DPEHPK3PXP\"}").put(device).then()
                .statusCode(400).body("error.field", equalTo("seed"));
        given().get(device).then().header("ETag", "\"1\"");
    }

    @Test
    void reseedingAnUnknownDeviceIsNotFound() {
        String account = createAccount();
        createUser(account, "abe");

        json().header("If-Match", "\"1\"").put(devices(account, "abe") + "/no-such-phone").then().statusCode(404)
                .body("error.code", equalTo("NotFound"));
    }

    private static String devices(String account, String userName) {
        return ACCOUNTS + "/" + account + "/users/" + userName + "/mfa-devices";
    }

    /** A user of that name with a device named after it; returns the device's URL. */
    private static String createDevice(String account, String userName) {
        createUser(account, userName);
        json().body("{\"name\": \"" + userName + "-phone\"}").post(devices(account, userName)).then().statusCode(201);
        return devices(account, userName) + "/" + userName + "-phone";
    }

    private static Instant sessionWithMfa(StsClient sts, String serialNumber, String code) {
        return sts.getSessionToken(r -> r.durationSeconds(900).serialNumber(serialNumber).tokenCode(code))
                .credentials().expiration();
    }
}
