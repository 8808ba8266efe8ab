package io.stsgate.api.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.SessionContext;
import io.stsgate.engine.TemporaryCredentials;

/**
 * Writes STS Query responses exactly as AWS does: {@code <XResponse xmlns=…><XResult>…</XResult><ResponseMetadata>},
 * and the {@code ErrorResponse} envelope. No XML declaration; every value escaped.
 */
final class XmlResponse {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final StringBuilder xml = new StringBuilder(1024);
    private final String action;

    private XmlResponse(String action) {
        this.action = action;
        xml.append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        xml.append('<').append(action).append("Result>");
    }

    static XmlResponse of(String action) {
        return new XmlResponse(action);
    }

    XmlResponse element(String name, String value) {
        if (value != null) {
            xml.append('<').append(name).append('>');
            escape(value);
            xml.append("</").append(name).append('>');
        }
        return this;
    }

    XmlResponse element(String name, Integer value) {
        return value == null ? this : element(name, value.toString());
    }

    XmlResponse open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    XmlResponse close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    XmlResponse credentials(TemporaryCredentials credentials) {
        return open("Credentials")
                .element("AccessKeyId", credentials.accessKeyId())
                .element("SecretAccessKey", credentials.secretAccessKey())
                .element("SessionToken", credentials.sessionToken())
                .element("Expiration", timestamp(credentials.expiration()))
                .close("Credentials");
    }

    /** {@code AssumedRoleUser} of a role session: its id ({@code AROA…:session}) and ARN. */
    XmlResponse assumedRoleUser(SessionContext session) {
        return open("AssumedRoleUser")
                .element("AssumedRoleId", session.principalId())
                .element("Arn", session.arn())
                .close("AssumedRoleUser");
    }

    String finish(String requestId) {
        xml.append("</").append(action).append("Result>");
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        xml.append("</").append(action).append("Response>");
        return xml.toString();
    }

    static String error(ErrorCode code, String message, String requestId) {
        var error = new XmlResponse();
        error.xml.append("<ErrorResponse xmlns=\"").append(NAMESPACE).append("\"><Error><Type>")
                .append(code.faultType()).append("</Type><Code>").append(code.wireCode()).append("</Code><Message>");
        error.escape(message);
        error.xml.append("</Message></Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
        return error.xml.toString();
    }

    private XmlResponse() {
        this.action = null;
    }

    /** AWS emits whole seconds: {@code 2020-05-31T04:23:39Z}. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        xml.append('\uFFFD'); // not representable in XML 1.0
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
