package io.stsgate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.stsgate.access.mapping.MappingFileException;
import io.stsgate.access.mapping.MappingFileLoader;
import io.stsgate.access.mapping.Mappings;
import io.stsgate.config.StsgateConfig;

/** Loads the nginx face's mapping file ({@code stsgate.authz.mapping-file}) once at start-up; a bad file stops it. */
@Singleton
public class MappingSource {

    private static final Logger LOG = Logger.getLogger(MappingSource.class);

    @Produces
    @Singleton
    Mappings mappings(StsgateConfig config) {
        if (config.authz().mappingFile().isEmpty()) {
            return Mappings.none();
        }
        String file = config.authz().mappingFile().get();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Mappings mappings = MappingFileLoader.load(file, in, config.authz().services());
            LOG.infof("Mapping file %s loaded: %d API(s)", file, mappings.apis().size());
            return mappings;
        } catch (NoSuchFileException e) {
            throw new MappingFileException(file + ": no such file (stsgate.authz.mapping-file)", e);
        } catch (IOException e) {
            throw new MappingFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
