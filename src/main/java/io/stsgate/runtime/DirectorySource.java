package io.stsgate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.AccessKey;
import io.stsgate.directory.Directory;
import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;

/**
 * Loads the directory from its declarative file, or the bundled demo directory when none is configured. The
 * production profile refuses the demo directory and any published example secret.
 */
@Singleton
public class DirectorySource {

    static final String DEMO_RESOURCE = "demo/directory.yaml";
    /** Published example values (AWS documentation, the demo TOTP seed) that must never guard production. */
    static final Set<String> DEMO_ACCESS_KEY_IDS = Set.of("AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE");
    static final Set<String> DEMO_SECRETS = Set.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

    private static final Logger LOG = Logger.getLogger(DirectorySource.class);

    @Produces
    @Singleton
    Directory directory(StsgateConfig config) {
        DirectorySnapshot snapshot = config.directory().file().map(DirectorySource::fromFile).orElseGet(() -> {
            if (Profiles.production()) {
                throw new DirectoryFileException("stsgate.directory.file is not set: the production profile does "
                        + "not load the demo directory");
            }
            LOG.warn("stsgate.directory.file is not set: loading the demo directory (published example secrets, "
                    + "for trying stsgate only)");
            return fromResource();
        });
        if (Profiles.production()) {
            refuseDemoValues(snapshot);
        }
        LOG.infof("Directory loaded: %d account(s)", snapshot.accounts().size());
        return snapshot;
    }

    static void refuseDemoValues(DirectorySnapshot snapshot) {
        for (AccessKey key : snapshot.accessKeys()) {
            if (DEMO_ACCESS_KEY_IDS.contains(key.id()) || DEMO_SECRETS.contains(key.secret())) {
                throw new DirectoryFileException("access key " + key.id() + " of " + key.userArn()
                        + " uses a published demo value; the production profile refuses it");
            }
        }
        for (var device : snapshot.mfaDevices()) {
            if (java.util.Arrays.equals(device.seed(), io.stsgate.crypto.Base32.decode("JBSWY3DPEHPK3PXP"))) {
                throw new DirectoryFileException("MFA device " + device.serialNumber()
                        + " uses the published demo seed; the production profile refuses it");
            }
        }
    }

    private static DirectorySnapshot fromFile(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return DirectoryFileLoader.load(file, in);
        } catch (NoSuchFileException e) {
            throw new DirectoryFileException(file + ": does not exist");
        } catch (IOException e) {
            throw new DirectoryFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static DirectorySnapshot fromResource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo directory is missing from the application");
            }
            return DirectoryFileLoader.load("classpath:" + DEMO_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
