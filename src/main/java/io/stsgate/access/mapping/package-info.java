/**
 * What a plain HTTP request asks, for the nginx face of the decision API: the built-in S3 REST mapping
 * ({@link io.stsgate.access.mapping.S3RestMapping}) and declarative route mappings for other HTTP APIs
 * ({@link io.stsgate.access.mapping.ApiRoutes}), both loaded from the mapping file
 * ({@link io.stsgate.access.mapping.MappingFileLoader}). Plain Java: no HTTP, no Quarkus.
 */
package io.stsgate.access.mapping;
