package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TestSamlResponses.ACS;
import static io.stsgate.identity.saml.TestSamlResponses.IDP_ENTITY_ID;
import static io.stsgate.identity.saml.TestSamlResponses.NOW;
import static io.stsgate.identity.saml.TestSamlResponses.PROVIDER_ARN;
import static io.stsgate.identity.saml.TestSamlResponses.ROLE_ATTR;
import static io.stsgate.identity.saml.TestSamlResponses.ROLE_VALUE;
import static io.stsgate.identity.saml.TestSamlResponses.SP_ENTITY_ID;
import static io.stsgate.identity.saml.TestSamlResponses.provider;
import static io.stsgate.identity.saml.TestSamlResponses.response;
import static io.stsgate.identity.saml.TestSamlResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SamlHappyPathTest {

    private static VerifiedAssertion valid(SamlValidation result) {
        assertThat(result).isInstanceOf(SamlValidation.Valid.class);
        return ((SamlValidation.Valid) result).assertion();
    }

    @Test
    void validateWhenOnlyAssertionSignedThenValidWithAllFields() {
        TestSamlResponses.Builder builder = response().signAssertion();
        VerifiedAssertion a = valid(validator().validate(builder.base64(), provider()));
        assertThat(a.issuer()).isEqualTo(IDP_ENTITY_ID);
        assertThat(a.nameId()).isEqualTo("alice@example.com");
        assertThat(a.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(a.recipient()).isEqualTo(ACS);
        assertThat(a.audience()).isEqualTo(SP_ENTITY_ID);
        assertThat(a.assertionId()).isEqualTo(builder.assertionId);
        assertThat(a.notOnOrAfter()).isEqualTo(NOW.plusSeconds(300));
        assertThat(a.sessionNotOnOrAfter()).isEqualTo(NOW.plusSeconds(8 * 3600));
        assertThat(a.attribute(ROLE_ATTR)).containsExactly(ROLE_VALUE);
        assertThat(a.attribute(TestSamlResponses.ATTR + "RoleSessionName")).containsExactly("alice@example.com");
        assertThat(a.attribute(TestSamlResponses.ATTR + "SessionDuration")).containsExactly("3600");
        assertThat(a.attribute(TestSamlResponses.ATTR + "PrincipalTag:department")).containsExactly("engineering");
        assertThat(a.toString()).doesNotContain("alice").doesNotContain("engineering");
    }

    @Test
    void validateWhenOnlyResponseSignedThenValid() {
        assertThat(valid(validator().validate(response().signResponse().base64(), provider())).nameId())
                .isEqualTo("alice@example.com");
    }

    @Test
    void validateWhenResponseAndAssertionSignedThenValid() {
        valid(validator().validate(response().signAssertion().signResponse().base64(), provider()));
    }

    @Test
    void validateWhenAssertionEncryptedAndSignedThenValid() {
        VerifiedAssertion a = valid(validator().validate(response().signAssertion().encrypt().base64(), provider()));
        assertThat(a.attribute(ROLE_ATTR)).containsExactly(ROLE_VALUE);
    }

    @Test
    void validateWhenAssertionEncryptedAndResponseSignedThenValid() {
        valid(validator().validate(response().encrypt().signResponse().base64(), provider()));
    }

    @Test
    void validateWhenProviderHasTwoCertificatesThenOldAndNewKeysAccepted() {
        SamlProviderSettings rotating = new SamlProviderSettings(PROVIDER_ARN, IDP_ENTITY_ID,
                List.of(TestSamlKeys.IDP_OLD.certificate(), TestSamlKeys.IDP.certificate()));
        SamlAssertionValidator validator = validator();
        valid(validator.validate(response().signAssertion(TestSamlKeys.IDP_OLD).base64(), rotating));
        valid(validator.validate(response().signAssertion(TestSamlKeys.IDP).base64(), rotating));
        valid(validator.validate(response().signResponse(TestSamlKeys.IDP_OLD).base64(), rotating));
    }

    @Test
    void validateWhenOwnAcsIsRecipientThenValid() {
        valid(validator().validate(response().with(b -> {
            b.recipient = TestSamlResponses.OWN_ACS;
            b.destination = TestSamlResponses.OWN_ACS;
        }).signAssertion().base64(), provider()));
    }

    @Test
    void validateWhenBase64HasLineBreaksThenValid() {
        String base64 = response().signAssertion().base64().replaceAll("(.{76})", "$1\r\n");
        valid(validator().validate(base64, provider()));
    }

    @Test
    void validateWhenNoDestinationAndNoResponseIssuerThenValid() {
        valid(validator().validate(response().with(b -> {
            b.destination = null;
            b.responseIssuer = null;
        }).signAssertion().base64(), provider()));
    }

    @Test
    void validateWhenNonBearerConfirmationBesideOneBearerThenValid() {
        valid(validator().validate(response().with(b -> b.confirmationMethods.add(
                "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key")).signAssertion().base64(), provider()));
    }

    @Test
    void failureWireCodesAndMessages() {
        assertThat(SamlFailure.EXPIRED.wireCode()).isEqualTo("ExpiredTokenException");
        assertThat(SamlFailure.REPLAY_CHECK_UNAVAILABLE.wireCode()).isEqualTo("ServiceUnavailable");
        assertThat(SamlFailure.REPLAY_CHECK_UNAVAILABLE.httpStatus()).isEqualTo(503);
        for (SamlFailure failure : SamlFailure.values()) {
            if (failure != SamlFailure.EXPIRED && failure != SamlFailure.REPLAY_CHECK_UNAVAILABLE) {
                assertThat(failure.wireCode()).isEqualTo("InvalidIdentityToken");
                assertThat(failure.httpStatus()).isEqualTo(400);
            }
            assertThat(failure.clientMessage()).isNotBlank();
        }
        assertThat(SamlFailure.BAD_SIGNATURE.clientMessage()).isEqualTo("Response signature invalid");
        assertThat(SamlFailure.WRONG_AUDIENCE.clientMessage())
                .isEqualTo("Response does not contain the required audience");
    }
}
