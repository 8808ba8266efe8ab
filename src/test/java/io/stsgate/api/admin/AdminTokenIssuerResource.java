package io.stsgate.api.admin;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.identity.oidc.TestKeys;
import io.stsgate.testsupport.KeyFiles;

/**
 * Turns the admin API on against an identity provider that is only a key: quarkus-oidc verifies tokens with a
 * configured public key and issuer, no discovery, no Keycloak. The private key is left under target/ for the test to
 * sign with (test resources and tests do not share class loaders).
 */
public class AdminTokenIssuerResource implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://idp.stsgate.test/realms/stsgate";
    static final String KEY_ID = "admin-issuer-1";
    private static final Path DIRECTORY = Path.of("target", "admin-token-issuer").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        var key = TestKeys.rsa2048(KEY_ID);
        KeyFiles.write(DIRECTORY.resolve("signing-key.pk8"), key.privateKey());
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // Files under target/ are left for inspection.
    }

    /** The private half of the issuer's key, as written by {@link #start()}. */
    static PrivateKey signingKey() {
        return KeyFiles.read(DIRECTORY.resolve("signing-key.pk8"));
    }
}
