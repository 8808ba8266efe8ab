package io.stsgate.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringFile;

/**
 * Loads the keyring at start-up. Outside production a missing file may be generated (with a warning); in production a
 * missing or invalid keyring stops start-up, because credentials sealed with a throw-away key would not survive a
 * restart or verify on another replica.
 */
@Singleton
public class KeyringSource {

    private static final Logger LOG = Logger.getLogger(KeyringSource.class);

    @Produces
    @Singleton
    Keyring keyring(StsgateConfig config) {
        Path file = Path.of(config.keyring().file());
        if (!Files.exists(file)) {
            if (Profiles.production() || !config.keyring().generateIfMissing()) {
                throw new IllegalStateException("stsgate.keyring.file " + file.toAbsolutePath()
                        + " does not exist; create one (see README, 'Keyring') or mount the Kubernetes Secret");
            }
            LOG.warnf("No keyring at %s: generating a new one-key keyring. Credentials it seals verify only while "
                    + "this file is kept; use a managed keyring in production.", file.toAbsolutePath());
            KeyringFile.generate(file);
        }
        Keyring keyring = KeyringFile.load(file);
        LOG.infof("Keyring %s loaded: %d key(s), sealing with key id %s", file, keyring.keys().size(),
                keyring.primary().id());
        return keyring;
    }
}
