package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejectionTest.assertRefused;
import static io.stsgate.identity.saml.TestSamlResponses.base64;
import static io.stsgate.identity.saml.TestSamlResponses.response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SamlParserHardeningTest {

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0">&lol9;</samlp:Response>
            """;

    private static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0">&xxe;</samlp:Response>
            """;

    @Test
    void validateWhenBillionLaughsThenDoctypeForbidden() {
        assertRefused(base64(BILLION_LAUGHS), SamlFailure.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenExternalEntityThenDoctypeForbidden() {
        assertRefused(base64(XXE), SamlFailure.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenDoctypeHiddenInUtf16ThenParserItselfRefusesIt() {
        String utf16 = XXE.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        assertRefused(Base64.getEncoder().encodeToString(utf16.getBytes(StandardCharsets.UTF_16)),
                SamlFailure.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenDoctypeInsideSignedResponseThenDoctypeForbidden() {
        String xml = response().signAssertion().xml();
        int rootStart = xml.indexOf("<saml2p:Response");
        String withDoctype = xml.substring(0, rootStart) + "<!DOCTYPE saml2p:Response>" + xml.substring(rootStart);
        assertRefused(base64(withDoctype), SamlFailure.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenInputOverLimitThenTooLarge() {
        assertRefused("A".repeat(SamlAssertionValidator.MAX_BASE64_CHARS + 1), SamlFailure.TOO_LARGE);
    }

    @Test
    void validateWhenInputAtLimitThenNotTooLarge() {
        assertRefused("A".repeat(SamlAssertionValidator.MAX_BASE64_CHARS), SamlFailure.MALFORMED);
    }

    @Test
    void validateWhenNotBase64ThenMalformed() {
        assertRefused("not*base64!", SamlFailure.MALFORMED);
    }

    @Test
    void validateWhenEmptyOrNullThenMalformed() {
        assertRefused("", SamlFailure.MALFORMED);
        assertRefused(null, SamlFailure.MALFORMED);
    }

    @Test
    void validateWhenNotXmlThenMalformed() {
        assertRefused(base64("{\"json\": true}"), SamlFailure.MALFORMED);
    }

    @Test
    void validateWhenNotAResponseThenMalformed() {
        assertRefused(base64("<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a\"/>"),
                SamlFailure.MALFORMED);
    }

    @Test
    void validateWhenResponseWithoutAssertionThenMalformed() {
        assertRefused(base64("""
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0" \
                IssueInstant="2026-03-02T10:00:00Z"><samlp:Status><samlp:StatusCode \
                Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>"""),
                SamlFailure.MALFORMED);
    }
}
