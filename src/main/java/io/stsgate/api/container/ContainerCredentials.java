package io.stsgate.api.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The SDKs' container credentials document. {@code Expiration} is ISO-8601 UTC; SDKs refresh before it.
 */
public record ContainerCredentials(@JsonProperty("AccessKeyId") String accessKeyId,
        @JsonProperty("SecretAccessKey") String secretAccessKey, @JsonProperty("Token") String token,
        @JsonProperty("Expiration") String expiration, @JsonProperty("RoleArn") String roleArn,
        @JsonProperty("AccountId") String accountId) {

    /** Names the key id only: the secret and the session token never print. */
    @Override
    public String toString() {
        return "ContainerCredentials[accessKeyId=" + accessKeyId + ", roleArn=" + roleArn + "]";
    }
}
