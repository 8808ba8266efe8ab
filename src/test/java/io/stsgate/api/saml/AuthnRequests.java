package io.stsgate.api.saml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads what an IdP reads from the HTTP-Redirect binding: base64 of raw DEFLATE. */
final class AuthnRequests {

    private AuthnRequests() {
    }

    static String inflate(String samlRequest) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getDecoder().decode(samlRequest));
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalArgumentException("truncated SAMLRequest");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("SAMLRequest is not raw DEFLATE", e);
        } finally {
            inflater.end();
        }
    }
}
