package io.stsgate.engine;

import java.time.Instant;

/** Temporary credentials as returned to the caller. The secret and the token never print. */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
        Instant expiration) {

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
