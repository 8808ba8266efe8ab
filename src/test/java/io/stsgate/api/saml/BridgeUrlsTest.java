package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class BridgeUrlsTest {

    @Test
    void whenThePublicUrlHasAPathAndTrailingSlashThenTheAcsKeepsThePath() {
        var urls = BridgeUrls.of(URI.create("https://example.com/sts/"));
        assertThat(urls.base()).isEqualTo("https://example.com/sts");
        assertThat(urls.acs()).isEqualTo("https://example.com/sts/saml");
        assertThat(urls.metadata()).isEqualTo("https://example.com/sts/saml/metadata");
    }

    @Test
    void whenThePublicUrlIsNotAnAbsoluteHttpUrlThenRefused() {
        for (String bad : new String[] { "/relative", "ftp://example.com", "https://example.com/?a=b",
                "https://example.com/#x" }) {
            assertThatThrownBy(() -> BridgeUrls.of(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stsgate.public-url");
        }
    }
}
