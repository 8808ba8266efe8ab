package io.stsgate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.AccessKey;
import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.directory.store.DirectoryEntries;
import io.stsgate.directory.store.DirectoryPlan;
import io.stsgate.directory.store.DirectoryStore;
import io.stsgate.directory.store.DirectoryWriter;
import io.stsgate.directory.store.SecretNotOpened;
import io.stsgate.directory.store.StoreChanges;
import io.stsgate.directory.store.StoredDirectory;
import io.stsgate.directory.store.StoredSecretRotation;

/**
 * Opens the stored directory. At start-up the declarative file (or, outside production, the bundled demo directory)
 * seeds an empty store, or is applied at every start when {@code stsgate.directory.apply-on-start} is set. The
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
    private static final int MAX_STEPS_SHOWN = 10;

    @Produces
    @Singleton
    StoredDirectory directory(DirectoryStore store, DirectoryEntries entries, StoreChanges changes,
            StsgateConfig config) {
        try {
            return open(store, entries, changes, config);
        } catch (SecretNotOpened e) {
            throw new DirectoryFileException(e.getMessage() + ": the store was written with another keyring. Put "
                    + "that keyring back at " + config.keyring().file() + ", or start afresh by deleting "
                    + storeDescription(config) + " (its directory, sessions' revocations and audit trail go with it)");
        }
    }

    private static String storeDescription(StsgateConfig config) {
        return config.store().kind() == StsgateConfig.StoreKind.embedded
                ? "the store folder " + Path.of(config.store().path()).toAbsolutePath().normalize()
                : "the PostgreSQL database of quarkus.datasource.postgresql.jdbc.url";
    }

    private StoredDirectory open(DirectoryStore store, DirectoryEntries entries, StoreChanges changes,
            StsgateConfig config) {
        var directory = new StoredDirectory(store, entries, changes);
        Optional<DirectoryFile> file = config.directory().file().map(DirectorySource::fromFile);
        if (file.isEmpty() && Profiles.production() && directory.accounts().isEmpty()) {
            throw new DirectoryFileException("the store is empty and stsgate.directory.file is not set: the "
                    + "production profile does not load the demo directory");
        }
        boolean always = config.directory().applyOnStart() && file.isPresent();
        DirectoryFile desired = file.orElseGet(DirectorySource::demo);
        var writer = new DirectoryWriter(store, entries, directory);
        DirectoryPlan plan = writer.change(transaction -> {
            if (!always && !transaction.entries().isEmpty()) {
                file.ifPresent(f -> warnWhenDifferent(config, DirectoryPlan.between(transaction.entries(),
                        entries.split(f), entries.secrets())));
                return new DirectoryPlan(java.util.List.of());
            }
            var steps = DirectoryPlan.between(transaction.entries(), entries.split(desired), entries.secrets());
            steps.applyTo(transaction);
            return steps;
        });
        if (!plan.isEmpty()) {
            LOG.infof("Directory %s applied to the store: %d change(s)",
                    config.directory().file().orElse("classpath:" + DEMO_RESOURCE), plan.steps().size());
            if (file.isEmpty()) {
                LOG.warn("stsgate.directory.file is not set: the store was seeded with the demo directory "
                        + "(published example secrets, for trying stsgate only)");
            }
        }
        int resealed = new StoredSecretRotation(entries.secrets()).reseal(store);
        if (resealed > 0) {
            LOG.infof("Re-sealed %d stored secret(s) with the keyring's primary key", resealed);
        }
        if (Profiles.production()) {
            refuseDemoValues(directory.snapshot());
        }
        LOG.infof("Directory loaded: %d account(s), store revision %d", directory.accounts().size(),
                directory.revision());
        return directory;
    }

    /**
     * A file that says something else than the store it would only seed is easy to miss: the store wins, so say what
     * differs and how to apply the file, instead of serving an old directory in silence.
     */
    private static void warnWhenDifferent(StsgateConfig config, DirectoryPlan ignored) {
        if (ignored.isEmpty()) {
            return;
        }
        var shown = ignored.steps().stream().limit(MAX_STEPS_SHOWN).map(Object::toString).toList();
        String more = ignored.steps().size() > shown.size()
                ? " and " + (ignored.steps().size() - shown.size()) + " more"
                : "";
        LOG.warnf("Directory file %s differs from the store, which is not empty, and was NOT applied (%d change(s): "
                + "%s%s). The store is what stsgate serves. To make the file win at every start, set "
                + "stsgate.directory.apply-on-start=true (STSGATE_DIRECTORY_APPLY_ON_START=true); to change a "
                + "running directory, use the admin API", config.directory().file().orElseThrow(),
                ignored.steps().size(), String.join(", ", shown), more);
    }

    @Produces
    @Singleton
    DirectoryWriter directoryWriter(DirectoryStore store, DirectoryEntries entries, StoredDirectory directory) {
        return new DirectoryWriter(store, entries, directory);
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

    private static DirectoryFile fromFile(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            DirectoryFile parsed = DirectoryFileLoader.parse(file, in);
            // Validate the file on its own first, so its errors name the file and not the store.
            DirectoryFileLoader.validate(file, parsed);
            return parsed;
        } catch (NoSuchFileException e) {
            throw new DirectoryFileException(file + ": does not exist");
        } catch (IOException e) {
            throw new DirectoryFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static DirectoryFile demo() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo directory is missing from the application");
            }
            return DirectoryFileLoader.parse("classpath:" + DEMO_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
