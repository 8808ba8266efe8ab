package io.stsgate.access.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mapping file as people write it (YAML, {@code stsgate.authz.mapping-file}): how the nginx face turns plain HTTP
 * requests into questions. Validated by {@link MappingFileLoader}; unknown fields are errors.
 *
 * @param s3 the built-in S3 mapping's settings, or null for path-style only and no declared buckets
 * @param apis declarative mappings of other HTTP APIs
 */
public record MappingFile(S3Entry s3, List<ApiEntry> apis) {

    /**
     * @param domains host names of the S3 endpoint whose sub-domains are buckets (virtual-hosted requests)
     * @param buckets buckets with their owning account and bucket policy
     */
    public record S3Entry(List<String> domains, List<BucketEntry> buckets) {
    }

    /** @param policy the bucket policy, JSON text or a YAML mapping; or null */
    public record BucketEntry(String name, String account, JsonNode policy) {
    }

    /** @param service the SigV4 service name clients sign for; on {@code stsgate.authz.services} */
    public record ApiEntry(String name, String service, List<RouteEntry> routes) {
    }

    /**
     * @param method an HTTP method, or {@code *}
     * @param path e.g. {@code /orders/{orderId}} or {@code /files/{path+}}
     * @param action e.g. {@code orders:GetOrder}
     * @param resource e.g. {@code arn:aws:orders:eu-west-1:111111111111:order/{orderId}}
     */
    public record RouteEntry(String method, String path, String action, String resource) {
    }
}
