package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CredentialVerifier;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;
import io.stsgate.identity.sigv4.CredentialResolver;
import io.stsgate.identity.sigv4.Resolution;
import io.stsgate.identity.sigv4.SigV4Failure;
import io.stsgate.identity.sigv4.SigV4Result;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.identity.sigv4.SignedRequest;

/**
 * Turns a SigV4-signed request into a {@link Caller}: long-term keys come from the directory, temporary ones are
 * verified from their sealed session token. Every failure becomes the AWS error for it.
 */
@ApplicationScoped
public class SignedCallAuthenticator {

    @Inject
    SigV4Verifier verifier;
    @Inject
    Directory directory;
    @Inject
    CredentialVerifier credentials;

    public Caller authenticate(SignedRequest request) {
        SigV4Result result = verifier.verify(request, resolver());
        if (result instanceof SigV4Result.Verified ok) {
            return (Caller) ok.principal();
        }
        var rejected = (SigV4Result.Rejected) result;
        throw new StsException(errorCode(rejected.failure()), reason(rejected.failure()), rejected.message());
    }

    private CredentialResolver resolver() {
        return (accessKeyId, securityToken) -> {
            if (accessKeyId.startsWith("ASIA")) {
                var verification = credentials.verify(accessKeyId, securityToken);
                if (verification instanceof CredentialVerifier.Verification.Valid v) {
                    return new Resolution.Resolved(v.secretAccessKey(), new Caller.SessionCaller(v.session()));
                }
                return new Resolution.Unresolved(verification instanceof CredentialVerifier.Verification.Expired
                        ? SigV4Failure.EXPIRED_TOKEN
                        : SigV4Failure.INVALID_CLIENT_TOKEN_ID);
            }
            var key = directory.accessKey(accessKeyId).filter(k -> k.active());
            var user = key.flatMap(k -> directory.user(k.userArn()));
            if (securityToken != null || user.isEmpty()) {
                return new Resolution.Unresolved(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
            }
            return new Resolution.Resolved(key.get().secret(), new Caller.UserCaller(user.get(), key.get()));
        };
    }

    static ErrorCode errorCode(SigV4Failure failure) {
        return switch (failure) {
            case MISSING_AUTHENTICATION_TOKEN -> ErrorCode.MISSING_AUTHENTICATION_TOKEN;
            case INCOMPLETE_SIGNATURE -> ErrorCode.INCOMPLETE_SIGNATURE;
            case INVALID_CLIENT_TOKEN_ID -> ErrorCode.INVALID_CLIENT_TOKEN_ID;
            case SIGNATURE_DOES_NOT_MATCH -> ErrorCode.SIGNATURE_DOES_NOT_MATCH;
            case EXPIRED_TOKEN -> ErrorCode.EXPIRED_TOKEN;
            case REQUEST_EXPIRED -> ErrorCode.REQUEST_EXPIRED;
        };
    }

    private static ReasonCode reason(SigV4Failure failure) {
        return switch (failure) {
            case MISSING_AUTHENTICATION_TOKEN -> ReasonCode.SIGNATURE_MISSING;
            case INCOMPLETE_SIGNATURE -> ReasonCode.SIGNATURE_MALFORMED;
            case INVALID_CLIENT_TOKEN_ID -> ReasonCode.UNKNOWN_ACCESS_KEY;
            case SIGNATURE_DOES_NOT_MATCH -> ReasonCode.SIGNATURE_INVALID;
            case EXPIRED_TOKEN -> ReasonCode.SESSION_TOKEN_EXPIRED;
            case REQUEST_EXPIRED -> ReasonCode.SIGNATURE_EXPIRED;
        };
    }
}
