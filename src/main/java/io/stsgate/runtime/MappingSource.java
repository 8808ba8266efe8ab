package io.stsgate.runtime;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.access.mapping.Mappings;
import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.Directory;

/**
 * The nginx face's mappings: the directory's APIs and buckets (read on every request, so changes apply without a
 * restart) and the S3 domains of {@code stsgate.authz.s3-domains}; a bad domain stops start-up.
 */
@Singleton
public class MappingSource {

    @Produces
    @Singleton
    Mappings mappings(Directory directory, StsgateConfig config) {
        return new Mappings(directory, config.authz().s3Domains().orElse(List.of()));
    }
}
