package io.stsgate.api.authz;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service asks: the signed request it received, exactly as received, and what its caller wants to do.
 *
 * @param request the received request
 * @param service the service name the request must be signed for (e.g. {@code s3}); on the configured allow-list
 * @param region the region the service expects, or null to accept the one signed
 * @param sourceIp the client's address as the service saw it ({@code aws:SourceIp}), or null
 * @param secureTransport whether the client used TLS ({@code aws:SecureTransport}); null means false
 * @param questions one or more action/resource pairs
 */
public record DecisionRequest(ReceivedRequest request, String service, String region, String sourceIp,
        Boolean secureTransport, List<Question> questions) {

    /**
     * @param method e.g. {@code GET}
     * @param path the raw path, still percent-encoded, e.g. {@code /bucket/my%20key}
     * @param query the raw query string without {@code ?}, or null
     * @param headers every header received, each with its values in order
     * @param body the body, base64-encoded; or null
     * @param bodySha256 the hex SHA-256 of the body when the service does not send it; or null
     */
    public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers,
            String body, String bodySha256) {
    }

    /**
     * @param action e.g. {@code s3:GetObject}
     * @param resource e.g. {@code arn:aws:s3:::bucket/key}
     * @param resourceAccount the account owning the resource when the ARN does not say (S3), or null for the caller's
     * @param resourcePolicies the resource's own policies (e.g. the bucket policy), as JSON policy documents
     * @param context extra condition keys, each with its values
     */
    public record Question(String action, String resource, String resourceAccount, List<JsonNode> resourcePolicies,
            Map<String, List<String>> context) {
    }
}
