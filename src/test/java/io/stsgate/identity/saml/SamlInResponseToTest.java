package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TestSamlResponses.provider;
import static io.stsgate.identity.saml.TestSamlResponses.response;
import static io.stsgate.identity.saml.TestSamlResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** InResponseTo is read from signed parts only, so an SP-initiated sign-in can trust which request it answers. */
class SamlInResponseToTest {

    private static VerifiedAssertion valid(TestSamlResponses.Builder builder) {
        SamlValidation result = validator().validate(builder.base64(), provider());
        assertThat(result).isInstanceOf(SamlValidation.Valid.class);
        return ((SamlValidation.Valid) result).assertion();
    }

    @Test
    void whenUnsolicitedThenNoRequestId() {
        assertThat(valid(response().signAssertion()).inResponseTo()).isNull();
    }

    @Test
    void whenTheBearerConfirmationAnswersARequestThenItsIdIsRead() {
        assertThat(valid(response().signAssertion().with(b -> b.confirmationInResponseTo = "_req1")).inResponseTo())
                .isEqualTo("_req1");
    }

    @Test
    void whenOnlyTheSignedResponseCarriesItThenItIsRead() {
        assertThat(valid(response().signResponse().with(b -> b.responseInResponseTo = "_req1")).inResponseTo())
                .isEqualTo("_req1");
    }

    @Test
    void whenOnlyTheUnsignedResponseCarriesItThenItIsIgnored() {
        // The assertion is signed, the Response around it is not: anyone could have written this value.
        assertThat(valid(response().signAssertion().with(b -> b.responseInResponseTo = "_forged")).inResponseTo())
                .isNull();
    }

    @Test
    void whenTheUnsignedResponseDisagreesWithTheSignedConfirmationThenTheConfirmationWins() {
        assertThat(valid(response().signAssertion().with(b -> {
            b.responseInResponseTo = "_forged";
            b.confirmationInResponseTo = "_req1";
        })).inResponseTo()).isEqualTo("_req1");
    }

    @Test
    void whenSignedResponseAndConfirmationDisagreeThenMalformed() {
        var builder = response().signResponse().with(b -> {
            b.responseInResponseTo = "_req1";
            b.confirmationInResponseTo = "_req2";
        });
        SamlValidation result = validator().validate(builder.base64(), provider());
        assertThat(result).isInstanceOfSatisfying(SamlValidation.Invalid.class,
                invalid -> assertThat(invalid.failure()).isEqualTo(SamlFailure.MALFORMED));
    }
}
