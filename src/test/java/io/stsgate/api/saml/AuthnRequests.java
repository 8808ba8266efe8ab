package io.stsgate.api.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;

import io.stsgate.crypto.RawDeflate;

/** Reads what an IdP reads from the HTTP-Redirect binding: base64 of raw DEFLATE. */
final class AuthnRequests {

    private AuthnRequests() {
    }

    static String inflate(String samlRequest) {
        try {
            return new String(RawDeflate.inflate(Base64.getDecoder().decode(samlRequest), 64 * 1024),
                    StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("SAMLRequest is not raw DEFLATE", e);
        }
    }
}
