package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TestSamlResponses.NOW;
import static io.stsgate.identity.saml.TestSamlResponses.provider;
import static io.stsgate.identity.saml.TestSamlResponses.response;
import static io.stsgate.identity.saml.TestSamlResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** One test per rejection, each asserting its {@link SamlFailure}. */
class SamlRejectionTest {

    static SamlValidation.Invalid refused(SamlValidation result, SamlFailure expected) {
        assertThat(result).isInstanceOf(SamlValidation.Invalid.class);
        SamlValidation.Invalid invalid = (SamlValidation.Invalid) result;
        assertThat(invalid.failure()).as(invalid.detail()).isEqualTo(expected);
        assertThat(invalid.detail()).isNotBlank().doesNotContain("alice").doesNotContain("engineering");
        return invalid;
    }

    static void assertRefused(String base64, SamlFailure expected) {
        refused(validator().validate(base64, provider()), expected);
    }

    @Test
    void validateWhenNothingSignedThenUnsigned() {
        assertRefused(response().base64(), SamlFailure.UNSIGNED);
    }

    @Test
    void validateWhenEncryptedAssertionUnsignedAndResponseUnsignedThenUnsigned() {
        assertRefused(response().encrypt().base64(), SamlFailure.UNSIGNED);
    }

    @Test
    void validateWhenAssertionSignedByUntrustedKeyThenBadSignature() {
        assertRefused(response().signAssertion(TestSamlKeys.ATTACKER).base64(), SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenResponseSignedByUntrustedKeyThenBadSignature() {
        assertRefused(response().signResponse(TestSamlKeys.ATTACKER).base64(), SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenKeyBelongsToAnotherProviderThenBadSignature() {
        SamlProviderSettings other = new SamlProviderSettings("arn:aws:iam::222222222222:saml-provider/other",
                TestSamlResponses.IDP_ENTITY_ID, List.of(TestSamlKeys.IDP_OLD.certificate()));
        refused(validator().validate(response().signAssertion().base64(), other), SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenSignedAttributeChangedAfterSigningThenBadSignature() {
        String xml = response().signAssertion().xml();
        String tampered = xml.replace("role/saml-readonly", "role/admin");
        assertThat(tampered).isNotEqualTo(xml);
        assertRefused(TestSamlResponses.base64(tampered), SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenSignedNameIdChangedAfterSigningResponseThenBadSignature() {
        String xml = response().signResponse().xml();
        assertRefused(TestSamlResponses.base64(xml.replace(">alice@example.com<", ">admin@example.com<")),
                SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenUnsignedDestinationChangedInSignedAssertionOnlyResponseThenStillChecked() {
        // Destination is outside the assertion signature; it must still be an accepted recipient.
        assertRefused(response().with(b -> b.destination = "https://evil.example.com/saml").signAssertion().base64(),
                SamlFailure.WRONG_DESTINATION);
    }

    @Test
    void validateWhenSha1SignatureThenBadSignature() {
        assertRefused(response().with(b -> {
            b.signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1;
            b.digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA1;
        }).signAssertion().base64(), SamlFailure.BAD_SIGNATURE);
    }

    @Test
    void validateWhenSignatureReferenceUriPointsElsewhereThenWrapping() {
        Document doc = response().signAssertion().document();
        Element reference = (Element) doc.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "Reference").item(0);
        reference.setAttribute("URI", "#" + doc.getDocumentElement().getAttribute("ID"));
        assertRefused(TestSamlResponses.base64(doc), SamlFailure.WRAPPING);
    }

    @Test
    void validateWhenResponseIssuerWrongThenWrongIssuer() {
        assertRefused(response().with(b -> b.responseIssuer = "https://evil.example.com").signAssertion().base64(),
                SamlFailure.WRONG_ISSUER);
    }

    @Test
    void validateWhenAssertionIssuerWrongThenWrongIssuer() {
        assertRefused(response().with(b -> b.assertionIssuer = "https://evil.example.com").signAssertion().base64(),
                SamlFailure.WRONG_ISSUER);
    }

    @Test
    void validateWhenStatusNotSuccessThenStatusNotSuccess() {
        assertRefused(response().with(b -> b.status = StatusCode.REQUESTER).signResponse().base64(),
                SamlFailure.STATUS_NOT_SUCCESS);
    }

    @Test
    void validateWhenDestinationNotAcceptedThenWrongDestination() {
        assertRefused(response().with(b -> b.destination = "https://other-sp.example.com/acs").signResponse().base64(),
                SamlFailure.WRONG_DESTINATION);
    }

    @Test
    void validateWhenRecipientNotAcceptedThenWrongRecipient() {
        assertRefused(response().with(b -> b.recipient = "https://other-sp.example.com/acs").signAssertion().base64(),
                SamlFailure.WRONG_RECIPIENT);
    }

    @Test
    void validateWhenRecipientMissingThenWrongRecipient() {
        assertRefused(response().with(b -> b.recipient = null).signAssertion().base64(), SamlFailure.WRONG_RECIPIENT);
    }

    @Test
    void validateWhenAudienceIsAnotherSpThenWrongAudience() {
        assertRefused(response().with(b -> b.audiences = List.of("https://other-sp.example.com")).signAssertion()
                .base64(), SamlFailure.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenNoConditionsThenWrongAudience() {
        assertRefused(response().with(b -> b.conditions = false).signAssertion().base64(), SamlFailure.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenConditionsExpiredThenExpired() {
        SamlValidation.Invalid invalid = refused(validator().validate(response().with(b -> {
            b.notBefore = NOW.minusSeconds(3600);
            b.notOnOrAfter = NOW.minusSeconds(600);
        }).signAssertion().base64(), provider()), SamlFailure.EXPIRED);
        assertThat(invalid.failure().wireCode()).isEqualTo("ExpiredTokenException");
    }

    @Test
    void validateWhenBearerConfirmationExpiredThenExpired() {
        assertRefused(response().with(b -> b.bearerNotOnOrAfter = NOW.minusSeconds(600)).signAssertion().base64(),
                SamlFailure.EXPIRED);
    }

    @Test
    void validateWhenNotBeforeInFutureThenNotYetValid() {
        assertRefused(response().with(b -> b.notBefore = NOW.plusSeconds(600)).signAssertion().base64(),
                SamlFailure.NOT_YET_VALID);
    }

    @Test
    void validateWhenNoBearerConfirmationThenNoBearerConfirmation() {
        assertRefused(response().with(b -> b.confirmationMethods = List.of("urn:oasis:names:tc:SAML:2.0:cm:sender-vouches"))
                .signAssertion().base64(), SamlFailure.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenTwoBearerConfirmationsThenNoBearerConfirmation() {
        assertRefused(response().with(b -> b.confirmationMethods = List.of(
                "urn:oasis:names:tc:SAML:2.0:cm:bearer", "urn:oasis:names:tc:SAML:2.0:cm:bearer"))
                .signAssertion().base64(), SamlFailure.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenBearerHasNoConfirmationDataThenNoBearerConfirmation() {
        assertRefused(response().with(b -> b.bearerData = false).signAssertion().base64(),
                SamlFailure.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenBearerDataLacksNotOnOrAfterThenNoBearerConfirmation() {
        assertRefused(response().with(b -> b.bearerNotOnOrAfter = null).signAssertion().base64(),
                SamlFailure.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenSameAssertionUsedTwiceThenReplayed() {
        SamlAssertionValidator validator = validator();
        String base64 = response().signAssertion().base64();
        assertThat(validator.validate(base64, provider())).isInstanceOf(SamlValidation.Valid.class);
        refused(validator.validate(base64, provider()), SamlFailure.REPLAYED);
    }

    @Test
    void validateWhenReplayCacheUnreachableThenRetryableNotInvalidToken() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SamlAssertionValidator storeDown = new SamlAssertionValidator(
                new ServiceProvider(TestSamlResponses.SP_ENTITY_ID, Set.of(TestSamlResponses.ACS), Optional.empty()),
                clock, Duration.ofSeconds(60), (id, notOnOrAfter) -> {
                    throw new IllegalStateException("connection refused");
                });
        var refusal = storeDown.validate(response().signAssertion().base64(), provider());
        refused(refusal, SamlFailure.REPLAY_CHECK_UNAVAILABLE);
        assertThat(((SamlValidation.Invalid) refusal).failure().wireCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void validateWhenInvalidAttemptThenAssertionIdNotConsumed() {
        SamlAssertionValidator validator = validator();
        String base64 = response().signAssertion().base64();
        SamlProviderSettings wrong = new SamlProviderSettings(TestSamlResponses.PROVIDER_ARN,
                "https://someone-else.example.com", List.of(TestSamlKeys.IDP.certificate()));
        refused(validator.validate(base64, wrong), SamlFailure.WRONG_ISSUER);
        assertThat(validator.validate(base64, provider())).isInstanceOf(SamlValidation.Valid.class);
    }

    @Test
    void validateWhenEncryptedButNoSpKeyThenDecryptionFailed() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SamlAssertionValidator noKey = new SamlAssertionValidator(
                new ServiceProvider(TestSamlResponses.SP_ENTITY_ID, Set.of(TestSamlResponses.ACS), Optional.empty()),
                clock, Duration.ofSeconds(60), new InMemoryAssertionReplayCache(clock));
        refused(noKey.validate(response().signAssertion().encrypt().base64(), provider()),
                SamlFailure.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenEncryptedForAnotherKeyThenDecryptionFailed() {
        assertRefused(response().signAssertion().with(b -> b.encryptFor = TestSamlKeys.ATTACKER.keyPair().getPublic())
                .base64(), SamlFailure.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenNoNameIdThenMalformed() {
        assertRefused(response().with(b -> b.nameId = null).signAssertion().base64(), SamlFailure.MALFORMED);
    }
}
