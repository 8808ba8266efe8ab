package io.stsgate.it.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

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

    private static final YAMLMapper YAML = new YAMLMapper();

    @Override
    public Map<String, String> start() {
        Path samlFile = Path.of(new SamlTrustResource().start().get("stsgate.directory.file"));
        try (InputStream demo = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            // As trees, not text: the demo directory has more top-level lists than accounts (apis, buckets).
            var combined = (ObjectNode) YAML.readTree(demo);
            var accounts = (ArrayNode) combined.get("accounts");
            for (int i = accounts.size() - 1; i >= 0; i--) {
                if (SAML_ACCOUNT.equals(accounts.get(i).path("id").asText())) {
                    accounts.remove(i);
                }
            }
            YAML.readTree(samlFile.toFile()).get("accounts").forEach(accounts::add);
            Path file = samlFile.resolveSibling("packaged-directory.yaml");
            YAML.writeValue(file.toFile(), combined);
            return Map.of("stsgate.directory.file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The files stay under target/ with the store; mvn clean removes them.
    }
}
