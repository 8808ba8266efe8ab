package io.stsgate.api.container;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * stsgate serving HTTPS as {@code k8s/deployment.yaml} configures it (PEM certificate and key files through
 * {@code quarkus.http.ssl.certificate.*}), with a throw-away certificate for 127.0.0.1. The certificate is also left
 * as a PKCS#12 truststore, the form a pod's JVM is given ({@code -Djavax.net.ssl.trustStore}).
 */
public class StsgateTlsResource implements QuarkusTestResourceLifecycleManager {

    static final Path DIRECTORY = KubernetesIssuerResource.DIRECTORY.resolve("tls");
    static final Path TRUSTSTORE = DIRECTORY.resolve("truststore.p12");
    static final String TRUSTSTORE_PASSWORD = "changeit";

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIRECTORY);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var name = new X500Name("CN=stsgate.stsgate.svc");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                    pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "stsgate.stsgate.svc") }));
            var certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            Path cert = DIRECTORY.resolve("tls.crt");
            Path key = DIRECTORY.resolve("tls.key");
            Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            KeyStore truststore = KeyStore.getInstance("PKCS12");
            truststore.load(null, null);
            truststore.setCertificateEntry("stsgate-ca", certificate);
            try (OutputStream out = Files.newOutputStream(TRUSTSTORE)) {
                truststore.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
            return Map.of("quarkus.http.ssl.certificate.files", cert.toString(),
                    "quarkus.http.ssl.certificate.key-files", key.toString(),
                    "quarkus.http.test-ssl-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void stop() {
        // Files under target/ are left for inspection.
    }
}
