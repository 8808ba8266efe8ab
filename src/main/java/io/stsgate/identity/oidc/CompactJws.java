package io.stsgate.identity.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A JWS in compact serialization, split and decoded but not yet trusted. Header and claims are read strictly: valid
 * UTF-8, RFC 8259 JSON with a single object at the root, no duplicate member names, nesting and number lengths
 * bounded; then copied into {@link PlainJson} values (integers as Long). Nothing here is verified.
 *
 * @param header the JOSE header
 * @param claims the payload's claims, unmodifiable
 * @param signingInput the ASCII bytes the signature covers ({@code header.payload})
 * @param signature the decoded signature, possibly empty
 */
record CompactJws(Map<String, Object> header, Map<String, Object> claims, byte[] signingInput, byte[] signature) {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** Jackson (already on the classpath through Quarkus REST): several times faster than jose4j's JSON parser. */
    private static final ObjectReader JSON_OBJECT = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readerFor(new TypeReference<Map<String, Object>>() {
            });

    /** Size first, then structure, encoding and JSON; never more work than the first failing check needs. */
    static Step<CompactJws> parse(String token) {
        if (token == null || token.isEmpty()) {
            return Step.rejected(OidcFailure.MALFORMED, "empty token");
        }
        if (token.length() > OidcIssuers.MAX_TOKEN_LENGTH) {
            return Step.rejected(OidcFailure.TOO_LARGE, "token has " + token.length() + " characters, more than "
                    + OidcIssuers.MAX_TOKEN_LENGTH);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            int parts = 1 + (int) token.chars().filter(c -> c == '.').count();
            return Step.rejected(OidcFailure.MALFORMED, parts == 5
                    ? "token has 5 parts: an encrypted JWT (JWE), which is not accepted"
                    : "token has " + parts + " parts, not the 3 of a signed JWT");
        }
        if (first == 0 || second == first + 1) {
            return Step.rejected(OidcFailure.MALFORMED, "token has an empty header or payload");
        }
        if (token.indexOf('=') >= 0) {
            // The URL-safe decoder refuses every other character outside base64url; it would accept padding.
            return Step.rejected(OidcFailure.MALFORMED, "token is not base64url (padding is not allowed)");
        }
        Map<String, Object> header = json(token, 0, first);
        if (header == null) {
            return Step.rejected(OidcFailure.MALFORMED, "token header is not a JSON object");
        }
        Map<String, Object> claims = json(token, first + 1, second);
        if (claims == null) {
            return Step.rejected(OidcFailure.MALFORMED, "token payload is not a JSON object");
        }
        byte[] signature;
        try {
            signature = BASE64URL.decode(token.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return Step.rejected(OidcFailure.MALFORMED, "token signature is not base64url");
        }
        byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        return Step.ok(new CompactJws(header, claims, signingInput, signature));
    }

    private static Map<String, Object> json(String token, int from, int to) {
        try {
            Map<String, Object> object = JSON_OBJECT.readValue(BASE64URL.decode(token.substring(from, to)));
            return object == null ? null : PlainJson.copyObject(object);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
