package io.stsgate.api.saml;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The headers every browser sign-in response carries. Pages hold credentials or lead to them: never cached, never
 * framed, no referrer, and a CSP that allows only this response's own inline style and script (by nonce), forms
 * posting back to stsgate, and nothing else.
 */
final class BridgePage {

    private BridgePage() {
    }

    /**
     * A fresh CSP nonce (128 bits) for one response. The generator is made per call, not held in a static field: a
     * native image would otherwise freeze a generator seeded at build time (about a microsecond; a page costs far more).
     */
    static String nonce() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An HTML page; the request id lets an administrator find the page's audit event. */
    static Response.ResponseBuilder html(int status, String body, String nonce, String requestId) {
        return secured(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body),
                nonce).header("X-Request-Id", requestId);
    }

    /** For documents without inline style or script (metadata, bare refusals), pass a null nonce. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder builder, String nonce) {
        String inline = nonce == null ? "'none'" : "'nonce-" + nonce + "'";
        return builder
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("Content-Security-Policy", "default-src 'none'; style-src " + inline + "; script-src "
                        + inline + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }
}
