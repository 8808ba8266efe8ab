package io.stsgate.api.container;

import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stsgate.testsupport.KeyFiles;
import io.stsgate.testsupport.TestJwts;

/**
 * Projected service-account tokens exactly as the Kubernetes API server issues them (since 1.21): {@code iss}, {@code sub}
 * {@code system:serviceaccount:NS:SA}, {@code aud} as an array, {@code exp}, {@code iat}, {@code nbf}, {@code jti} and
 * the {@code kubernetes.io} claim with namespace, node, pod and service account, signed RS256 by
 * {@link KubernetesIssuerResource}'s issuer.
 *
 * @param issuer the cluster's issuer URL
 * @param key its signing key
 * @param otherKey the other cluster's signing key
 * @param now the issue instant
 */
record ServiceAccountTokens(String issuer, PrivateKey key, PrivateKey otherKey, Instant now) {

    /** Reads what the test resource wrote; call once the application has started. */
    static ServiceAccountTokens issuedNow() throws Exception {
        var directory = KubernetesIssuerResource.DIRECTORY;
        return new ServiceAccountTokens(Files.readString(directory.resolve("issuer.txt")),
                KeyFiles.read(directory.resolve("signing-key.pk8")),
                KeyFiles.read(directory.resolve("other-signing-key.pk8")), Instant.now());
    }

    /** The issuer without its scheme, as condition keys and provider ARNs name it. */
    String hostAndPath() {
        return issuer.substring("http://".length());
    }

    String providerArn() {
        return "arn:aws:iam::" + KubernetesIssuerResource.ACCOUNT + ":oidc-provider/" + hostAndPath();
    }

    /** The token of pod {@code pod} running as {@code namespace}/{@code serviceAccount}, valid for an hour. */
    TestJwts.IdToken token(String namespace, String serviceAccount, String pod) {
        long iat = now.getEpochSecond();
        var token = new TestJwts.IdToken();
        token.claim("aud", List.of(KubernetesIssuerResource.AUDIENCE))
                .claim("exp", iat + 3600)
                .claim("iat", iat)
                .claim("iss", issuer)
                .claim("jti", UUID.randomUUID().toString())
                .claim("kubernetes.io", Map.of(
                        "namespace", namespace,
                        "node", Map.of("name", "worker-1", "uid", "8c7e1f3a-8d6b-4c47-9a44-3b0f1f0a9e11"),
                        "pod", Map.of("name", pod, "uid", "5b2f9f2e-0d7c-4f6a-b9b8-2d4c8e1a7f30"),
                        "serviceaccount", Map.of("name", serviceAccount, "uid",
                                "0e7c3b8a-4f1d-4a3e-9c6b-7d2a1f5e8b90")))
                .claim("nbf", iat)
                .claim("sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
        return token;
    }

    /** The payments API's pod: associated with the payments-api role, which trusts it with session tags. */
    TestJwts.IdToken payments() {
        return token("payments", "api", "payments-api-7d9c8b6f5-x2kq9");
    }

    String signed(TestJwts.IdToken token) {
        return token.sign("RS256", KubernetesIssuerResource.KEY_ID, key);
    }

    /** Signed by the other cluster, whose tokens carry its own issuer. */
    String signedByOtherCluster(TestJwts.IdToken token) {
        return token.claim("iss", KubernetesIssuerResource.OTHER_ISSUER)
                .sign("RS256", KubernetesIssuerResource.OTHER_KEY_ID, otherKey);
    }
}
