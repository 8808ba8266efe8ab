package io.stsgate.identity.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * The signature as the client stated it, from the Authorization header or the presigned query parameters.
 *
 * @param presigned true for the query-string form
 * @param credential the credential scope
 * @param signedHeaders the SignedHeaders value as sent ({@code host;x-amz-date})
 * @param signedHeaderNames the same, split
 * @param signature the hex signature as sent
 * @param amzDate the timestamp line of the string to sign
 * @param signedAt the same as an instant
 * @param expiresSeconds X-Amz-Expires for the presigned form, 0 for the header form
 * @param securityToken the session token, or null
 */
record SignatureParameters(boolean presigned, CredentialScope credential, String signedHeaders,
        List<String> signedHeaderNames, String signature, String amzDate, Instant signedAt, long expiresSeconds,
        String securityToken) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    @Override
    public String toString() {
        return "SignatureParameters[presigned=" + presigned + ", credential=" + credential + ", signedHeaders="
                + signedHeaders + ", amzDate=" + amzDate + ", expiresSeconds=" + expiresSeconds + ", securityToken="
                + (securityToken == null ? "none" : "<redacted>") + "]";
    }
}
