package io.stsgate.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import io.stsgate.directory.PemCertificates;
import io.stsgate.identity.oidc.TestKeys;
import io.stsgate.identity.saml.LoadSamlResponses;
import io.stsgate.testsupport.KeyFiles;
import io.stsgate.testsupport.TestCertificates;

/**
 * The load suite's identities, generated once into {@code
 *
<dir>
 * /keys} and reused by later runs (so a running stsgate
 * keeps trusting them): an OIDC provider with a static JWKS, a SAML IdP, a user's long-term access key, the keyring,
 * and the directory file that ties them to the roles the flows assume. No published example value: the production
 * profile starts with it.
 *
 * @param dir the fixture folder (under {@code target/})
 * @param oidcKey the OIDC provider's RS256 signing key
 * @param samlKey the SAML IdP's signing key
 * @param samlCertificate the SAML IdP's certificate
 * @param accessKeyId the load user's access key id
 * @param secret its secret
 */
record LoadDirectory(Path dir, PrivateKey oidcKey, PrivateKey samlKey, X509Certificate samlCertificate,
        String accessKeyId, String secret) {

    static final String ACCOUNT = "444455556666";
    static final String ISSUER = "https://idp.load.test/realms/load";
    static final String HOST_PATH = "idp.load.test/realms/load";
    static final String CLIENT_ID = "load-app";
    static final String KEY_ID = "load-1";
    static final String OIDC_PROVIDER_ARN = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + HOST_PATH;
    static final String SAML_PROVIDER_ARN = "arn:aws:iam::" + ACCOUNT + ":saml-provider/corp";
    static final String WEB_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/web-load";
    static final String SAML_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/saml-load";
    static final String TARGET_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/assume-load";
    static final String CONTAINER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/container-load";
    /** The service account whose pods the container flow plays, associated with {@link #CONTAINER_ROLE}. */
    static final String SERVICE_ACCOUNT_SUBJECT = "system:serviceaccount:load:api";
    /** The bucket the decision flow reads from; the assume-load role may read it. */
    static final String BUCKET = "load-bucket";
    /** nginx's key for the decision API's nginx face; its SHA-256 is what the server is configured with. */
    static final String NGINX_KEY = "load-nginx-key-not-secret";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Loads the identities from {@code dir}, generating whatever is missing, and (re)writes the directory file. */
    static LoadDirectory open(Path dir) throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        PrivateKey oidc = privateKey(keys.resolve("oidc.pk8"), () -> rsaPair().getPrivate());
        Path samlPem = keys.resolve("saml-idp.pem");
        if (!Files.exists(samlPem)) {
            var generated = TestCertificates.rsa2048("CN=idp.load.test");
            KeyFiles.write(keys.resolve("saml-idp.pk8"), generated.keyPair().getPrivate());
            KeyFiles.write(samlPem, generated.certificate());
        }
        PrivateKey saml = privateKey(keys.resolve("saml-idp.pk8"), () -> {
            throw new IllegalStateException("saml-idp.pem exists without saml-idp.pk8: delete " + keys);
        });
        X509Certificate certificate = KeyFiles.readCertificate(samlPem);
        Path accessKey = keys.resolve("access-key.txt");
        if (!Files.exists(accessKey)) {
            Files.writeString(accessKey, "AKIA" + random(KEY_ID_ALPHABET, 16) + " "
                    + Base64.getEncoder().encodeToString(bytes(30)) + "\n");
        }
        String[] idAndSecret = Files.readString(accessKey).trim().split(" ");
        Path keyring = dir.resolve("keyring.txt");
        if (!Files.exists(keyring)) {
            Files.writeString(keyring, "load-1 " + Base64.getEncoder().encodeToString(bytes(32)) + "\n");
        }
        var directory = new LoadDirectory(dir, oidc, saml, certificate, idAndSecret[0], idAndSecret[1]);
        Files.writeString(dir.resolve("directory.yaml"), directory.yaml());
        Files.writeString(dir.resolve("nginx-key-sha256.txt"), io.stsgate.crypto.Sha256.hex(
                NGINX_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n");
        return directory;
    }

    LoadSamlResponses samlResponses() {
        return new LoadSamlResponses(samlKey, samlCertificate, SAML_ROLE, SAML_PROVIDER_ARN);
    }

    private String yaml() throws Exception {
        String jwks = TestKeys.jwks(new TestKeys.TestKey(KEY_ID, "RS256", new KeyPair(publicKey(), oidcKey)));
        String pem = PemCertificates.pem(samlCertificate).lines().map(line -> "                " + line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        return """
                # Generated by src/test/load (io.stsgate.load.LoadFixtures); keys under keys/.
                accounts:
                  - id: "%1$s"
                    name: load
                    oidcProviders:
                      - url: "%2$s"
                        clientIds: [%3$s]
                        jwks: '%4$s'
                    samlProviders:
                      - name: corp
                        entityId: "%5$s"
                        signingCertificates:
                          - |
                %6$s
                    users:
                      - name: loader
                        accessKeys:
                          - id: %7$s
                            secret: "%8$s"
                        policies:
                          inline:
                            assume:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Action: sts:AssumeRole
                                  Resource: "%9$s"
                    roles:
                      - name: web-load
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: AppEngineers
                              Effect: Allow
                              Principal: { Federated: "%10$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals: { "%11$s:aud": %3$s }
                                StringLike: { "%11$s:sub": "6c1f0c33-*" }
                                ForAnyValue:StringEquals: { "%11$s:groups": ["/engineering/platform", "/sre"] }
                      - name: saml-load
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: CorporateSso
                              Effect: Allow
                              Principal: { Federated: "%12$s" }
                              Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"]
                              Condition:
                                StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" }
                      - name: assume-load
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: SameAccount
                              Effect: Allow
                              Principal: { AWS: "%1$s" }
                              Action: sts:AssumeRole
                        policies:
                          inline:
                            read-load-bucket:
                              Version: "2012-10-17"
                              Statement:
                                - Effect: Allow
                                  Action: ["s3:GetObject", "s3:ListBucket"]
                                  Resource: ["arn:aws:s3:::%13$s", "arn:aws:s3:::%13$s/*"]
                      - name: container-load
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: LoadPods
                              Effect: Allow
                              Principal: { Federated: "%10$s" }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
                              Condition:
                                StringEquals:
                                  "%11$s:aud": %3$s
                                  "%11$s:sub": "%14$s"
                    workloadAssociations:
                      - name: load-api
                        provider: "%2$s"
                        subject: "%14$s"
                        roleArn: "%15$s"
                        clusterName: load
                """.formatted(ACCOUNT, ISSUER, CLIENT_ID, jwks, LoadSamlResponses.idpEntityId(), pem, accessKeyId,
                secret, TARGET_ROLE, OIDC_PROVIDER_ARN, HOST_PATH, SAML_PROVIDER_ARN, BUCKET, SERVICE_ACCOUNT_SUBJECT,
                CONTAINER_ROLE);
    }

    /** The public half of the OIDC key, from its CRT parameters (the key file holds the private key only). */
    private RSAPublicKey publicKey() throws Exception {
        var crt = (java.security.interfaces.RSAPrivateCrtKey) oidcKey;
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private interface KeySource {
        PrivateKey generate() throws Exception;
    }

    private static PrivateKey privateKey(Path file, KeySource generate) throws Exception {
        if (!Files.exists(file)) {
            KeyFiles.write(file, generate.generate());
        }
        return KeyFiles.read(file);
    }

    private static KeyPair rsaPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String random(String alphabet, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
