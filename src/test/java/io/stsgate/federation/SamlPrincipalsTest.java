package io.stsgate.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.SamlProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;
import io.stsgate.identity.saml.VerifiedAssertion;

/** Each condition key of a SAML assertion takes its values from one element or attribute only. */
class SamlPrincipalsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SamlProvider PROVIDER = new SamlProvider("111111111111", "corp",
            "https://idp.example.com/saml", List.of(), "https://idp.example.com/sso");
    private static final String MAIL_OID = "urn:oid:0.9.2342.19200300.100.1.3";
    private static final String MAIL_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

    @Test
    void ofWhenNamesAreDistinctThenAwsKeysComeFromTheirElementsAndAttributesKeepTheirNames() {
        var keys = SamlPrincipals.of(assertion(attributes("department", List.of("ops"), MAIL_OID,
                List.of("alice@example.com"))), PROVIDER, CLOCK).conditionKeys();
        assertThat(keys).containsEntry("saml:sub", List.of("alice")).containsEntry("saml:iss",
                List.of("https://idp.example.com/saml")).containsEntry("saml:aud", List.of("https://sts.example.com/saml"))
                .containsEntry("saml:department", List.of("ops")).containsEntry("saml:mail", List.of("alice@example.com"));
    }

    @Test
    void ofWhenAnAttributeIsNamedSubInAnyCaseThenInvalidIdentityToken() {
        assertCollision(attributes("SUB", List.of("admin")), "saml:SUB");
    }

    @Test
    void ofWhenAnAttributeIsNamedAudThenInvalidIdentityToken() {
        assertCollision(attributes("aud", List.of("https://other.example.com/saml")), "saml:aud");
    }

    @Test
    void ofWhenAnAttributeIsNamedIssInAnyCaseThenInvalidIdentityToken() {
        assertCollision(attributes("Iss", List.of("https://evil.example.com")), "saml:Iss");
    }

    @Test
    void ofWhenAnAttributeIsNamedLikeAFriendlyKeyThenInvalidIdentityToken() {
        assertCollision(attributes("Mail", List.of("root@example.com")), "saml:Mail");
    }

    @Test
    void ofWhenTwoAttributesFeedOneFriendlyKeyThenInvalidIdentityToken() {
        assertCollision(attributes(MAIL_OID, List.of("alice@example.com"), MAIL_CLAIM, List.of("root@example.com")),
                "saml:mail");
    }

    @Test
    void ofWhenTwoAttributesDifferOnlyInCaseThenInvalidIdentityToken() {
        assertCollision(attributes("department", List.of("ops"), "Department", List.of("finance")),
                "saml:Department");
    }

    private static void assertCollision(Map<String, List<String>> attributes, String key) {
        var thrown = Assertions.assertThrows(StsException.class,
                () -> SamlPrincipals.of(assertion(attributes), PROVIDER, CLOCK));
        assertThat(thrown.code()).isEqualTo(ErrorCode.INVALID_IDENTITY_TOKEN);
        assertThat(thrown.reason()).isEqualTo(ReasonCode.SAML_ATTRIBUTE_NAME_COLLISION);
        assertThat(thrown.detail()).containsIgnoringCase(key);
    }

    private static Map<String, List<String>> attributes(Object... pairs) {
        var map = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            var values = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], values);
        }
        return map;
    }

    private static VerifiedAssertion assertion(Map<String, List<String>> attributes) {
        return new VerifiedAssertion("https://idp.example.com/saml", "alice",
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "https://sts.example.com/saml",
                "https://sts.example.com/saml", "_a1", NOW.plusSeconds(300), null, attributes, null);
    }

    private static final String PRINCIPAL_TAG = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";

    @Test
    void ofWhenAPrincipalTagKeyBeginsWithAwsThenInvalidIdentityToken() {
        assertAttributesInvalid(attributes(PRINCIPAL_TAG + "aws:foo", List.of("x")), "aws:foo");
    }

    @Test
    void ofWhenAPrincipalTagValueHasACharacterOutsideTheSetThenInvalidIdentityToken() {
        assertAttributesInvalid(attributes(PRINCIPAL_TAG + "team", List.of("a;b")), "team");
    }

    @Test
    void ofWhenAPrincipalTagKeyIsTooLongThenInvalidIdentityToken() {
        assertAttributesInvalid(attributes(PRINCIPAL_TAG + "k".repeat(129), List.of("x")), "session tag key");
    }

    @Test
    void ofWhenMoreThanFiftyPrincipalTagsThenInvalidIdentityToken() {
        var many = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < 51; i++) {
            many.put(PRINCIPAL_TAG + "k" + i, List.of("v"));
        }
        assertAttributesInvalid(many, "51");
    }

    @Test
    void ofWhenSessionDurationIsNotAsciiDigitsThenInvalidIdentityToken() {
        for (String digits : List.of("\uFF10\uFF19\uFF10\uFF10", "\u0669\u0660\u0660", "+900")) {
            assertAttributesInvalid(attributes("https://aws.amazon.com/SAML/Attributes/SessionDuration",
                    List.of(digits)), "SessionDuration");
        }
    }

    @Test
    void ofWhenSessionDurationIsAsciiDigitsThenItCapsTheSession() {
        assertThat(SamlPrincipals.of(assertion(attributes("https://aws.amazon.com/SAML/Attributes/SessionDuration",
                List.of("900"))), PROVIDER, CLOCK).maxDurationSeconds()).isEqualTo(900);
    }

    private static void assertAttributesInvalid(Map<String, List<String>> attributes, String mentioned) {
        var thrown = Assertions.assertThrows(StsException.class,
                () -> SamlPrincipals.of(assertion(attributes), PROVIDER, CLOCK));
        assertThat(thrown.code()).isEqualTo(ErrorCode.INVALID_IDENTITY_TOKEN);
        assertThat(thrown.reason()).isEqualTo(ReasonCode.SAML_ATTRIBUTES_INVALID);
        assertThat(thrown.getMessage()).contains(mentioned);
    }
}
