package io.stsgate.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error texts nginx splices into the S3 error document as they are: XML-escaped ASCII. */
class NginxErrorTextTest {

    @Test
    void markupCharactersAreEscaped() {
        assertThat(NginxFace.xmlText("a<b> & 'c' \"d\"")).isEqualTo("a&lt;b&gt; &amp; &apos;c&apos; &quot;d&quot;");
    }

    @Test
    void nonAsciiBecomesCharacterReferencesAndControlCharactersSpaces() {
        assertThat(NginxFace.xmlText("clé\u0007x\n")).isEqualTo("cl&#233; x");
    }
}
