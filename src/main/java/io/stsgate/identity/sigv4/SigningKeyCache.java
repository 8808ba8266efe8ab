package io.stsgate.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import io.stsgate.crypto.HmacSha256;

/**
 * SigV4 signing keys (kSigning = HMAC chain over date, region, service, {@code aws4_request}) by secret, date and
 * region, so a steady client costs one HMAC per request instead of five. Bounded: when full, it starts over.
 */
final class SigningKeyCache {

    private record Scope(String secret, String date, String region) {

        @Override
        public String toString() {
            return "Scope[secret=<redacted>, date=" + date + ", region=" + region + "]";
        }
    }

    private final String service;
    private final int maxEntries;
    private final ConcurrentHashMap<Scope, SecretKeySpec> keys = new ConcurrentHashMap<>();

    SigningKeyCache(String service, int maxEntries) {
        this.service = service;
        this.maxEntries = maxEntries;
    }

    SecretKeySpec signingKey(String secret, String date, String region) {
        Scope scope = new Scope(secret, date, region);
        SecretKeySpec key = keys.get(scope);
        if (key == null) {
            key = derive(secret, date, region);
            if (keys.size() >= maxEntries) {
                keys.clear();
            }
            keys.put(scope, key);
        }
        return key;
    }

    private SecretKeySpec derive(String secret, String date, String region) {
        byte[] kDate = HmacSha256.mac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), utf8(date));
        byte[] kRegion = HmacSha256.mac(kDate, utf8(region));
        byte[] kService = HmacSha256.mac(kRegion, utf8(service));
        byte[] kSigning = HmacSha256.mac(kService, utf8(CredentialScope.TERMINATOR));
        return new SecretKeySpec(kSigning, HmacSha256.ALGORITHM);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    int size() {
        return keys.size();
    }
}
