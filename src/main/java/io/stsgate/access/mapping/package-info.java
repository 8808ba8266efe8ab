/**
 * What a plain HTTP request asks, for the nginx face of the decision API: the built-in S3 REST mapping
 * ({@link io.stsgate.access.mapping.S3RestMapping}) with the directory's declared buckets, and the declarative route
 * mappings of the directory's other HTTP APIs ({@link io.stsgate.access.mapping.ApiRoutes}). Plain Java: no HTTP, no
 * Quarkus.
 */
package io.stsgate.access.mapping;
