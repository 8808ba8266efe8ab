package io.stsgate.api.authz;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;

/**
 * The payload line of the canonical request, as the signature says: S3 clients sign {@code X-Amz-Content-Sha256}
 * (a hex SHA-256, {@code UNSIGNED-PAYLOAD}, or a {@code STREAMING-…} value for aws-chunked bodies) and presigned S3 URLs
 * sign {@code UNSIGNED-PAYLOAD}; other services sign the body's SHA-256.
 *
 * @param hash the payload line, or null to hash the body
 * @param mode {@code signed}, {@code unsigned} or {@code streaming}
 */
record PayloadHash(String hash, String mode) {

    static final String HEADER = "x-amz-content-sha256";
    private static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    private static final Set<String> STREAMING = Set.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");

    /**
     * @param headerValues the values of X-Amz-Content-Sha256
     * @param presigned whether the signature is in the query string
     * @param body the body the service sent, or null
     * @param bodySha256 the body's hash the service sent instead, or null
     */
    static PayloadHash of(String service, List<String> headerValues, boolean presigned, byte[] body,
            String bodySha256) {
        String known = body != null ? sha256(body) : bodySha256 == null ? null : bodySha256.toLowerCase(Locale.ROOT);
        if (bodySha256 != null && !isSha256(known)) {
            throw StsException.validation("request.bodySha256 must be 64 hexadecimal characters");
        }
        if (headerValues.size() > 1) {
            throw new StsException(ErrorCode.INVALID_ARGUMENT, ReasonCode.SIGNATURE_MALFORMED,
                    "The request carries more than one x-amz-content-sha256 header.");
        }
        if (headerValues.size() == 1) {
            String value = headerValues.get(0).trim();
            if (value.equals(UNSIGNED)) {
                return new PayloadHash(value, "unsigned");
            }
            if (STREAMING.contains(value)) {
                return new PayloadHash(value, "streaming");
            }
            if (!isSha256(value)) {
                throw new StsException(ErrorCode.INVALID_ARGUMENT, ReasonCode.SIGNATURE_MALFORMED,
                        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER,"
                                + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER,"
                                + " STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD,"
                                + " STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.");
            }
            if (known != null && !known.equals(value.toLowerCase(Locale.ROOT))) {
                throw new StsException(ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH, ReasonCode.SIGNATURE_INVALID,
                        "The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
            return new PayloadHash(value, "signed");
        }
        if (presigned && service.equals("s3")) {
            return new PayloadHash(UNSIGNED, "unsigned");
        }
        return new PayloadHash(known == null ? sha256(new byte[0]) : known, "signed");
    }

    private static boolean isSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
