package io.stsgate.directory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The declarative directory file, as written by people (YAML). Validated into {@link DirectorySnapshot} by
 * {@link DirectoryFileLoader}; unknown fields are errors.
 */
public record DirectoryFile(List<AccountEntry> accounts, List<ApiEntry> apis, List<BucketEntry> buckets) {

    /** A directory of accounts only. */
    public DirectoryFile(List<AccountEntry> accounts) {
        this(accounts, null, null);
    }

    /**
     * Beyond AWS: an HTTP API the nginx face protects ({@code /authz/v1/nginx/apis/<name>}).
     *
     * @param service the SigV4 service name its clients sign for; on {@code stsgate.authz.services}
     */
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

    /**
     * Beyond IAM: an S3 bucket behind the nginx face, with its owning account and bucket policy.
     *
     * @param account the owning account's id, an account of this directory
     * @param policy the bucket policy, JSON text or a YAML mapping; or null
     */
    public record BucketEntry(String name, String account, JsonNode policy) {
    }

    public record AccountEntry(String id, String name, List<UserEntry> users, List<RoleEntry> roles,
            List<ManagedPolicyEntry> managedPolicies, List<OidcProviderEntry> oidcProviders,
            List<SamlProviderEntry> samlProviders, List<WorkloadAssociationEntry> workloadAssociations) {
    }

    /**
     * Beyond AWS: the role a workload gets from the container credentials endpoint, by the issuer ({@code provider},
     * an OIDC provider of this account) and {@code subject} of its token.
     */
    public record WorkloadAssociationEntry(String name, String provider, String subject, String roleArn,
            String clusterName, Integer sessionDuration) {
    }

    /**
     * A SAML provider: the IdP's metadata XML ({@code EntityDescriptor}), or its entity id and signing certificates
     * (PEM, several during a rotation), or both (then the entity ids must agree, the certificates add up and
     * {@code ssoUrl} overrides the metadata's).
     */
    public record SamlProviderEntry(String name, String metadata, String entityId, List<String> signingCertificates,
            String ssoUrl) {
    }

    /** An OIDC provider; durations in ISO-8601 ({@code PT60S}); {@code jwks} is a static JWKS document. */
    public record OidcProviderEntry(String url, List<String> clientIds, List<String> allowedAlgorithms,
            java.time.Duration clockSkew, java.time.Duration maxTokenAge, JsonNode jwks, Boolean allowInsecureHttp,
            Map<String, String> tagClaims) {
    }

    /** A user; {@code userId} ({@code AIDA…}) is assigned when the user is first stored, and kept in exports. */
    public record UserEntry(String name, String path, String userId, Map<String, String> tags,
            List<AccessKeyEntry> accessKeys, List<MfaDeviceEntry> mfaDevices, PoliciesEntry policies) {
    }

    public record AccessKeyEntry(String id, String secret, AccessKey.Status status) {
        @Override
        public String toString() {
            return "AccessKeyEntry[id=" + id + "]";
        }
    }

    public record MfaDeviceEntry(String name, String seed) {
        @Override
        public String toString() {
            return "MfaDeviceEntry[name=" + name + "]";
        }
    }

    /** A role; {@code roleId} ({@code AROA…}) is assigned when the role is first stored, and kept in exports. */
    public record RoleEntry(String name, String path, String roleId, String description, Integer maxSessionDuration,
            JsonNode trustPolicy, PoliciesEntry policies, Map<String, String> tags) {
    }

    /** Inline policies by name (JSON text or YAML mapping) and managed policy ARNs. */
    public record PoliciesEntry(Map<String, JsonNode> inline, List<String> managed) {
    }

    public record ManagedPolicyEntry(String name, String path, String description, JsonNode document) {
    }
}
