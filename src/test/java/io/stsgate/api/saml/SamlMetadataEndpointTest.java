package io.stsgate.api.saml;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /saml/metadata}: a stable URL serving valid SP metadata for the configured SP. */
@QuarkusTest
@WithTestResource(BridgeDirectoryResource.class)
class SamlMetadataEndpointTest {

    @Test
    void whenFetchedThenOpenSamlReadsTheConfiguredEntityIdAndAcs() throws Exception {
        var response = given().get("/saml/metadata").then().extract();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/samlmetadata+xml");
        SamlBridgeTest.assertBridgeHeaders(response);
        var entity = SpMetadataDocuments.parse(response.body().asString());
        assertThat(entity.getEntityID()).isEqualTo("urn:amazon:webservices");
        var sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(sp).isNotNull();
        assertThat(sp.getAssertionConsumerServices()).singleElement().satisfies(acs -> {
            assertThat(acs.getBinding()).isEqualTo(SAMLConstants.SAML2_POST_BINDING_URI);
            assertThat(acs.getLocation()).isEqualTo(BridgeDirectoryResource.ACS);
        });
        assertThat(given().get("/saml/metadata").body().asString()).isEqualTo(response.body().asString());
    }
}
