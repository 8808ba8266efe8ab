package io.stsgate.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.TemporaryCredentials;

class XmlResponseTest {

    @Test
    void finishWhenCredentialsThenAwsEnvelopeWithWholeSecondExpiration() {
        String xml = XmlResponse.of("GetSessionToken")
                .credentials(new TemporaryCredentials("ASIAAAAAAAAAAAAAAAAA", "secret", "token",
                        Instant.parse("2026-01-01T00:00:00.750Z")))
                .finish("req-1");
        assertThat(xml).isEqualTo("<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetSessionTokenResult><Credentials><AccessKeyId>ASIAAAAAAAAAAAAAAAAA</AccessKeyId>"
                + "<SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken>"
                + "<Expiration>2026-01-01T00:00:00Z</Expiration></Credentials></GetSessionTokenResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetSessionTokenResponse>");
    }

    @Test
    void elementWhenValueHasMarkupThenEscaped() {
        String xml = XmlResponse.of("X").element("Arn", "a<b>&\"'\u0001").finish("r");
        assertThat(xml).contains("<Arn>a&lt;b&gt;&amp;&quot;&apos;\uFFFD</Arn>");
    }

    @Test
    void elementWhenNullThenOmitted() {
        assertThat(XmlResponse.of("X").element("SourceIdentity", (String) null).finish("r"))
                .doesNotContain("SourceIdentity");
    }

    @Test
    void errorWhenServerFaultThenReceiver() {
        assertThat(XmlResponse.error(ErrorCode.INTERNAL_FAILURE, "boom", "r")).isEqualTo(
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Receiver</Type>"
                        + "<Code>InternalFailure</Code><Message>boom</Message></Error><RequestId>r</RequestId>"
                        + "</ErrorResponse>");
    }
}
