package io.stsgate.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestTotp;

import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/** Every signed action, performed by the unmodified AWS SDK for Java v2 against the demo directory. */
@QuarkusTest
class StsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject
    TestClock clock;

    @Inject
    io.stsgate.testsupport.RecordingAuditSink audit;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    @Test
    void getCallerIdentityWithLongTermKeysNamesTheUser() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var identity = sts.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(Demo.ALICE_ARN);
            assertThat(identity.account()).isEqualTo("111111111111");
            assertThat(identity.userId()).startsWith("AIDA").hasSize(21);
        }
    }

    @Test
    void assumeRoleWithTheRightExternalIdIsAllowedAndItsCredentialsWork() throws Exception {
        AssumeRoleResponse assumed;
        try (var sts = TestClients.alice(endpoint())) {
            assumed = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("partner-audit")
                    .externalId(Demo.EXTERNAL_ID));
        }
        var credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.expiration()).isBetween(Instant.now().plusSeconds(3500),
                Instant.now().plusSeconds(3700));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/partner-readonly/partner-audit");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":partner-audit");
        try (var session = TestClients.withSession(endpoint(), credentials)) {
            var identity = session.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(assumed.assumedRoleUser().arn());
            assertThat(identity.account()).isEqualTo("222222222222");
            assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());
        }
    }

    @Test
    void assumeRoleWithAWrongExternalIdIsDenied() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("s1")
                    .externalId("wrong-external-id")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + Demo.ALICE_ARN
                                + " is not authorized to perform: sts:AssumeRole on resource: " + Demo.PARTNER_ROLE);
                    });
        }
    }

    @Test
    void assumeRoleWithoutAnExternalIdIsDenied() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void adminMfaRoleIsDeniedWithoutMfa() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("admin")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void adminMfaRoleIsAllowedWithAValidCodeAndTheSameCodeIsRefusedTheSecondTime() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        String code = TestTotp.code(TestTotp.DEMO_SEED, clock.instant());
        try (var sts = TestClients.alice(endpoint())) {
            var assumed = sts.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("admin")
                    .serialNumber(Demo.ALICE_MFA).tokenCode(code));
            assertThat(assumed.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/admin-mfa/admin");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("admin")
                    .serialNumber(Demo.ALICE_MFA).tokenCode(code)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("MultiFactorAuthentication failed");
                    });
        }
    }

    @Test
    void adminMfaRoleRefusesAStaleCode() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        String stale = TestTotp.code(TestTotp.DEMO_SEED, clock.instant().minusSeconds(120));
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("admin")
                    .serialNumber(Demo.ALICE_MFA).tokenCode(stale)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void getSessionTokenWithMfaThenAssumesTheMfaRole() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        String code = TestTotp.code(TestTotp.DEMO_SEED, clock.instant());
        try (var sts = TestClients.alice(endpoint())) {
            var session = sts.getSessionToken(r -> r.durationSeconds(900).serialNumber(Demo.ALICE_MFA)
                    .tokenCode(code));
            assertThat(session.credentials().expiration()).isBetween(Instant.now().plusSeconds(800),
                    Instant.now().plusSeconds(1000));
            try (var withMfa = TestClients.withSession(endpoint(), session.credentials())) {
                assertThat(withMfa.getCallerIdentity().arn()).isEqualTo(Demo.ALICE_ARN);
                var admin = withMfa.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("via-session"));
                assertThat(admin.assumedRoleUser().arn()).endsWith("assumed-role/admin-mfa/via-session");
            }
        }
    }

    @Test
    void getSessionTokenWithoutMfaCannotAssumeTheMfaRole() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var session = sts.getSessionToken(r -> r.durationSeconds(900));
            try (var noMfa = TestClients.withSession(endpoint(), session.credentials())) {
                assertThatThrownBy(() -> noMfa.assumeRole(r -> r.roleArn(Demo.ADMIN_MFA_ROLE)
                        .roleSessionName("no-mfa")))
                        .isInstanceOfSatisfying(StsException.class,
                                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            }
        }
    }

    @Test
    void getFederationTokenReturnsAFederatedUser() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var federated = sts.getFederationToken(r -> r.name("bob").durationSeconds(900)
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
            assertThat(federated.federatedUser().arn()).isEqualTo("arn:aws:sts::111111111111:federated-user/bob");
            assertThat(federated.federatedUser().federatedUserId()).isEqualTo("111111111111:bob");
            assertThat(federated.packedPolicySize()).isBetween(1, 100);
            try (var bob = TestClients.withSession(endpoint(), federated.credentials())) {
                assertThat(bob.getCallerIdentity().arn()).isEqualTo(federated.federatedUser().arn());
                assertThatThrownBy(() -> bob.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("xx")))
                        .isInstanceOfSatisfying(StsException.class,
                                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            }
        }
    }

    @Test
    void getAccessKeyInfoAnswersForLongTermAndTemporaryKeys() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(Demo.ALICE_KEY_ID)).account())
                    .isEqualTo("111111111111");
            var assumed = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("keyinfo")
                    .externalId(Demo.EXTERNAL_ID));
            String temporaryId = assumed.credentials().accessKeyId();
            try (var session = TestClients.withSession(endpoint(), assumed.credentials())) {
                assertThat(session.getAccessKeyInfo(r -> r.accessKeyId(temporaryId)).account())
                        .isEqualTo("222222222222");
            }
            // Temporary ids are random: another caller cannot learn the account behind one.
            assertThatThrownBy(() -> sts.getAccessKeyInfo(r -> r.accessKeyId(temporaryId)))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidParameterValue"));
        }
    }

    @Test
    void decodeAuthorizationMessageExplainsADenialToAnAllowedCaller() throws Exception {
        String message;
        try (var sts = TestClients.alice(endpoint())) {
            var denied = org.junit.jupiter.api.Assertions.assertThrows(StsException.class,
                    () -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("s1")
                            .externalId("wrong-external-id")));
            String text = denied.awsErrorDetails().errorMessage();
            message = text.substring(text.indexOf("Encoded authorization failure message: ")
                    + "Encoded authorization failure message: ".length()).trim();
            String encoded = message;
            assertThatThrownBy(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        try (var auditor = TestClients.auditor(endpoint())) {
            String decoded = auditor.decodeAuthorizationMessage(r -> r.encodedMessage(message)).decodedMessage();
            // Another account's trust policy is not explained to the caller's account: nothing of it is decoded.
            assertThat(decoded).contains("\"allowed\":false").contains("sts:AssumeRole")
                    .contains(Demo.PARTNER_ROLE).doesNotContain("ExternalId").doesNotContain("PartnerWithExternalId")
                    .doesNotContain("wrong-external-id");
            assertThatThrownBy(() -> auditor.decodeAuthorizationMessage(r -> r.encodedMessage("bm90LWEtbWVzc2FnZQ")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidAuthorizationMessageException"));
        }
    }

    @Test
    void assumeRoleOnAnotherAccountsRoleIsRefusedLikeARoleThatDoesNotExist() throws Exception {
        String missingRole = "arn:aws:iam::222222222222:role/does-not-exist";
        try (var sts = TestClients.alice(endpoint()); var auditor = TestClients.auditor(endpoint())) {
            var denied = refusal(() -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("probe")
                    .externalId("wrong-external-id")));
            var missing = refusal(() -> sts.assumeRole(r -> r.roleArn(missingRole).roleSessionName("probe")
                    .externalId("wrong-external-id")));
            for (var refusal : java.util.List.of(denied, missing)) {
                assertThat(refusal.statusCode()).isEqualTo(403);
                assertThat(refusal.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            }
            String prefix = "User: " + Demo.ALICE_ARN + " is not authorized to perform: sts:AssumeRole on resource: ";
            String encoded = " Encoded authorization failure message: ";
            assertThat(denied.awsErrorDetails().errorMessage()).startsWith(prefix + Demo.PARTNER_ROLE + encoded);
            assertThat(missing.awsErrorDetails().errorMessage()).startsWith(prefix + missingRole + encoded);
            String deniedDecoded = decoded(auditor, denied, encoded);
            String missingDecoded = decoded(auditor, missing, encoded);
            assertThat(deniedDecoded.replace(Demo.PARTNER_ROLE, "ROLE")).isEqualTo(missingDecoded.replace(missingRole,
                    "ROLE"));
            assertThat(audit.byRequestId(denied.requestId()).orElseThrow().reason())
                    .isEqualTo(io.stsgate.audit.ReasonCode.TRUST_POLICY_DENIED);
            assertThat(audit.byRequestId(missing.requestId()).orElseThrow().reason())
                    .isEqualTo(io.stsgate.audit.ReasonCode.ROLE_NOT_FOUND);
        }
    }

    @Test
    void assumeRoleOnAMissingRoleByACallerWithoutPermissionIsRefusedForTheCallersPolicy() throws Exception {
        try (var auditor = TestClients.auditor(endpoint())) {
            var missing = refusal(() -> auditor.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/nope")
                    .roleSessionName("probe")));
            var existing = refusal(() -> auditor.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE)
                    .roleSessionName("probe")));
            assertThat(audit.byRequestId(missing.requestId()).orElseThrow().reason())
                    .isEqualTo(io.stsgate.audit.ReasonCode.CALLER_NOT_PERMITTED);
            assertThat(audit.byRequestId(existing.requestId()).orElseThrow().reason())
                    .isEqualTo(io.stsgate.audit.ReasonCode.CALLER_NOT_PERMITTED);
        }
    }

    private static StsException refusal(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(StsException.class, call);
    }

    private static String decoded(software.amazon.awssdk.services.sts.StsClient auditor, StsException refusal,
            String marker) {
        String text = refusal.awsErrorDetails().errorMessage();
        String message = text.substring(text.indexOf(marker) + marker.length()).trim();
        return auditor.decodeAuthorizationMessage(r -> r.encodedMessage(message)).decodedMessage();
    }

    @Test
    void roleChainingCarriesTransitiveTagsAndIsCappedAtOneHour() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var developer = sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("dev")
                    .durationSeconds(7200)
                    .tags(Tag.builder().key("project").value("apollo").build(),
                            Tag.builder().key("cost-center").value("42").build())
                    .transitiveTagKeys("project")
                    .sourceIdentity("alice"));
            assertThat(developer.packedPolicySize()).isBetween(1, 100);
            assertThat(developer.sourceIdentity()).isEqualTo("alice");
            try (var dev = TestClients.withSession(endpoint(), developer.credentials())) {
                assertThatThrownBy(() -> dev.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("chain")
                        .durationSeconds(3601)))
                        .isInstanceOfSatisfying(StsException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                            assertThat(e.awsErrorDetails().errorMessage()).contains("role chaining");
                        });
                assertThatThrownBy(() -> dev.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("chain")
                        .externalId(Demo.EXTERNAL_ID).tags(Tag.builder().key("Project").value("other").build())))
                        .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("InvalidParameterValue"));
                var chained = dev.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("chain")
                        .externalId(Demo.EXTERNAL_ID));
                assertThat(chained.sourceIdentity()).isEqualTo("alice");
                assertThat(chained.credentials().expiration()).isBefore(Instant.now().plusSeconds(3700));
            }
        }
    }

    @Test
    void durationAboveTheRoleMaximumIsAValidationError() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("long")
                    .externalId(Demo.EXTERNAL_ID).durationSeconds(7200)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for "
                                        + "this role.");
                    });
        }
    }

    @Test
    void aMalformedSessionPolicyIsRefused() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("pol")
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("MalformedPolicyDocument"));
        }
    }

    @Test
    void policyArnsNarrowTheSessionAndUnknownOnesAreRefused() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var assumed = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("arns")
                    .externalId(Demo.EXTERNAL_ID)
                    .policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::222222222222:policy/ReadOnly").build()));
            assertThat(assumed.packedPolicySize()).isBetween(1, 100);
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("arns")
                    .externalId(Demo.EXTERNAL_ID)
                    .policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::222222222222:policy/Missing").build())))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidParameterValue"));
        }
    }

    @Test
    void anUnknownRoleIsDeniedWithoutRevealingThatItDoesNotExist() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/nope")
                    .roleSessionName("xx")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).doesNotContain("exist");
                    });
        }
    }
}
