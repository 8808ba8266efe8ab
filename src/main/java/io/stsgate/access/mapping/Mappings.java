package io.stsgate.access.mapping;

import java.util.Map;
import java.util.Optional;

/** The loaded mapping file: the S3 mapping and the declarative APIs by name. Immutable. */
public record Mappings(S3RestMapping s3, Map<String, ApiRoutes> apis) {

    public Mappings {
        apis = Map.copyOf(apis);
    }

    /** No file: path-style S3 only, no declared bucket, no other API. */
    public static Mappings none() {
        return new Mappings(new S3RestMapping(java.util.List.of(), Map.of()), Map.of());
    }

    public Optional<ApiRoutes> api(String name) {
        return Optional.ofNullable(apis.get(name));
    }
}
