package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.stsgate.crypto.RawDeflate;

class AuthnRequestRedirectTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String ACS = "https://sts.example.com/saml";

    @Test
    void whenBuiltThenTheRequestInflatesToAnAuthnRequestForTheAcs() throws Exception {
        URI redirect = AuthnRequestRedirect.of(URI.create("https://idp.example.com/sso"), "_req-1", "urn:stsgate:sp",
                ACS, NOW, "r3lay");

        assertThat(redirect.getPath()).isEqualTo("/sso");
        Map<String, String> query = query(redirect);
        assertThat(query).containsOnlyKeys("SAMLRequest", "RelayState").containsEntry("RelayState", "r3lay");
        Element request = TestSamlResponses.parse(inflate(query.get("SAMLRequest"))).getDocumentElement();
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("ID")).isEqualTo("_req-1");
        assertThat(request.getAttribute("Version")).isEqualTo("2.0");
        assertThat(request.getAttribute("IssueInstant")).isEqualTo("2026-11-22T10:00:00.000Z");
        assertThat(request.getAttribute("Destination")).isEqualTo("https://idp.example.com/sso");
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(ACS);
        assertThat(request.getAttribute("ProtocolBinding"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(request.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer").item(0)
                .getTextContent()).isEqualTo("urn:stsgate:sp");
    }

    @Test
    void whenTheSsoUrlHasAQueryThenTheParametersAreAppended() {
        URI redirect = AuthnRequestRedirect.of(URI.create("https://idp.example.com/sso?tenant=corp"), "_r", "sp",
                ACS, NOW, "x");
        assertThat(query(redirect)).containsKeys("tenant", "SAMLRequest", "RelayState");
    }

    @Test
    void whenTheRelayStateExceedsEightyBytesThenRefused() {
        assertThatThrownBy(() -> AuthnRequestRedirect.of(URI.create("https://idp.example.com/sso"), "_r", "sp", ACS,
                NOW, "x".repeat(81))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80 bytes");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            result.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String inflate(String base64) throws Exception {
        return new String(RawDeflate.inflate(Base64.getDecoder().decode(base64), 64 * 1024), StandardCharsets.UTF_8);
    }

}
