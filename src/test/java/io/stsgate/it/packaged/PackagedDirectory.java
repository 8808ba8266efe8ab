package io.stsgate.it.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.identity.saml.SamlTrustResource;

/**
 * One directory file for every packaged-application test, so they share one start of the application: the demo
 * directory (its published example keys), where {@link SamlTrustResource}'s account replaces the demo's account of
 * the same id; its SAML IdP key is generated here and left in {@code target/saml-idp} for the tests that sign
 * assertions with it.
 */
public class PackagedDirectory implements QuarkusTestResourceLifecycleManager {

    private static final String SAML_ACCOUNT = "222222222222";

    @Override
    public Map<String, String> start() {
        Path samlFile = Path.of(new SamlTrustResource().start().get("stsgate.directory.file"));
        try (InputStream demo = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            String samlAccounts = Files.readString(samlFile).replaceFirst("^accounts:\n", "");
            Path file = samlFile.resolveSibling("packaged-directory.yaml");
            Files.writeString(file, withoutAccount(new String(demo.readAllBytes(), StandardCharsets.UTF_8),
                    SAML_ACCOUNT) + samlAccounts);
            return Map.of("stsgate.directory.file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo directory without one of its accounts (the SAML account takes its id). */
    private static String withoutAccount(String yaml, String accountId) {
        var kept = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.lines().toList()) {
            if (line.startsWith("  - id: ")) {
                skipping = line.contains("\"" + accountId + "\"");
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    @Override
    public void stop() {
        // The files stay under target/ with the store; mvn clean removes them.
    }
}
