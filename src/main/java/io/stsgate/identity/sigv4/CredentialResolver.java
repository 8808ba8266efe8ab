package io.stsgate.identity.sigv4;

/**
 * Looks up the secret for an access key id, checking the session token for temporary credentials.
 *
 * @param <P> the principal type it reports for a known credential
 */
@FunctionalInterface
public interface CredentialResolver<P> {

    /**
     * @param accessKeyId the access key id from the request's credential scope
     * @param securityToken the X-Amz-Security-Token (header, or query parameter for presigned requests), or null
     */
    Resolution<P> resolve(String accessKeyId, String securityToken);
}
