package io.stsgate.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Reads one PEM (or bare base64 DER) X.509 certificate, as IdP metadata and admins hand them over. */
public final class PemCertificates {

    private PemCertificates() {
    }

    public static Optional<X509Certificate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = text.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = java.util.Base64.getDecoder().decode(body);
            var certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Optional.of((X509Certificate) certificate);
        } catch (IllegalArgumentException | CertificateException e) {
            return Optional.empty();
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }
}
