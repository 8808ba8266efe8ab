package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stsgate.crypto.Base32;
import io.stsgate.crypto.KeyringFile;
import io.stsgate.directory.PemCertificates;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.identity.saml.SignedSamlResponses.IdpKey;

/**
 * Files and settings shared by the replicas of one test: a keyring, a directory file with freshly generated
 * credentials (the production profile refuses published example keys), a SAML IdP with a throw-away key, and the
 * store.
 */
public final class ReplicaSetup {

    public static final String ACCOUNT = "444444444444";
    public static final String OPERATOR_ARN = "arn:aws:iam::444444444444:user/operator";
    public static final String ROLE_ARN = "arn:aws:iam::444444444444:role/deployer";
    public static final String SAML_PROVIDER_ARN = "arn:aws:iam::444444444444:saml-provider/corp";
    public static final String SAML_ROLE_ARN = "arn:aws:iam::444444444444:role/sso-reader";
    /** The address both replicas answer under, as behind one load balancer. */
    public static final String PUBLIC_URL = "https://sts.replicas.example.com";

    private final Path folder;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final IdpKey idp = IdpKey.generate("CN=idp.replicas.example.com");
    private final byte[] mfaSeed = new byte[20];

    private ReplicaSetup(Path folder) {
        this.folder = folder;
        var random = new SecureRandom();
        var id = new StringBuilder("AKIA");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        this.accessKeyId = id.toString();
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        this.secretAccessKey = Base64.getEncoder().encodeToString(secret);
        random.nextBytes(mfaSeed);
    }

    public static ReplicaSetup in(Path folder) {
        var setup = new ReplicaSetup(folder);
        setup.write();
        return setup;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The TOTP seed of the operator's MFA devices {@link #mfaDevice}(name), for names "first" and "second". */
    public byte[] mfaSeed() {
        return mfaSeed.clone();
    }

    /** The serial number of the operator's MFA device {@code name} ("first" or "second"; both share one seed). */
    public static String mfaDevice(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa/" + name;
    }

    /** The signing key of the SAML IdP registered as {@link #SAML_PROVIDER_ARN}. */
    public IdpKey idp() {
        return idp;
    }

    public Path keyring() {
        return folder.resolve("keyring.txt");
    }

    public Path directoryFile() {
        return folder.resolve("directory.yaml");
    }

    /** Settings of a replica on the embedded store in {@code storeFolder}. */
    public Map<String, String> embedded(Path storeFolder) {
        var properties = common();
        properties.put("stsgate.store.kind", "embedded");
        properties.put("stsgate.store.path", storeFolder.toAbsolutePath().toString());
        return properties;
    }

    /** Settings of a replica on PostgreSQL at {@code jdbcUrl}. */
    public Map<String, String> postgres(String jdbcUrl, String user) {
        var properties = common();
        properties.put("stsgate.store.kind", "postgresql");
        properties.put("quarkus.datasource.postgresql.jdbc.url", jdbcUrl);
        properties.put("quarkus.datasource.postgresql.username", user);
        properties.put("stsgate.store.poll-interval", "PT2S");
        return properties;
    }

    private Map<String, String> common() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("stsgate.keyring.file", keyring().toAbsolutePath().toString());
        properties.put("stsgate.directory.file", directoryFile().toAbsolutePath().toString());
        properties.put("stsgate.public-url", PUBLIC_URL);
        return properties;
    }

    private void write() {
        try {
            Files.createDirectories(folder);
            KeyringFile.generate(keyring());
            Files.writeString(directoryFile(),
                    """
                            accounts:
                              - id: "%1$s"
                                name: Replica test
                                users:
                                  - name: operator
                                    accessKeys:
                                      - id: %2$s
                                        secret: "%3$s"
                                    mfaDevices:
                                      - name: first
                                        seed: %7$s
                                      - name: second
                                        seed: %7$s
                                    policies:
                                      inline:
                                        assume: |
                                          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
                                roles:
                                  - name: deployer
                                    trustPolicy:
                                      Version: "2012-10-17"
                                      Statement:
                                        - Effect: Allow
                                          Principal: { AWS: "arn:aws:iam::%1$s:root" }
                                          Action: sts:AssumeRole
                                  - name: sso-reader
                                    trustPolicy:
                                      Version: "2012-10-17"
                                      Statement:
                                        - Effect: Allow
                                          Principal: { Federated: "%4$s" }
                                          Action: sts:AssumeRoleWithSAML
                                samlProviders:
                                  - name: corp
                                    entityId: "%5$s"
                                    signingCertificates:
                                      - |
                            %6$s
                            """
                            .formatted(ACCOUNT, accessKeyId, secretAccessKey, SAML_PROVIDER_ARN,
                                    SignedSamlResponses.IDP_ENTITY_ID,
                                    PemCertificates.pem(idp.certificate()).indent(14).stripTrailing(),
                                    Base32.encode(mfaSeed)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
