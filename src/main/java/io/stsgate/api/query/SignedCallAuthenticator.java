package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CredentialVerifier;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.SessionChecks;
import io.stsgate.engine.SessionKind;
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
    @Inject
    SessionChecks sessionChecks;

    /**
     * The caller of a signed request for {@code action} (e.g. {@code GetCallerIdentity}); its ARN goes into
     * {@code audit}. A temporary credential is refused when revoked or when its role or user is gone (the engine's
     * {@link SessionChecks}), but only after the signature proved the caller holds its secret, so neither is ever
     * disclosed to someone who merely saw an access key id.
     */
    public Caller authenticate(SignedRequest request, String action, AuditDraft audit) {
        var attempt = new Attempt();
        SigV4Result result = verifier.verify(request, resolver(attempt));
        if (result instanceof SigV4Result.Verified ok) {
            Caller caller = (Caller) ok.principal();
            audit.principal(caller.arn());
            if (caller instanceof Caller.SessionCaller session) {
                if (session.session().kind() == SessionKind.ASSUMED_ROLE) {
                    // The session's role, so an audit query by roleArn finds its refusals; an action that assumes
                    // another role records that one instead.
                    audit.role(session.session().sourceArn());
                }
                sessionChecks.requireUsable(session.session(), "sts:" + action);
            }
            return caller;
        }
        var rejected = (SigV4Result.Rejected) result;
        ReasonCode reason = rejected.failure() == SigV4Failure.INVALID_CLIENT_TOKEN_ID && attempt.inactiveKey
                ? ReasonCode.ACCESS_KEY_INACTIVE
                : reason(rejected.failure());
        throw new StsException(errorCode(rejected.failure()), reason, rejected.message());
    }

    /** What the resolver learned that the SigV4 result does not say. */
    private static final class Attempt {
        private boolean inactiveKey;
    }

    private CredentialResolver resolver(Attempt attempt) {
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
            // A disabled long-term key is refused as AWS refuses it: InvalidClientTokenId, as if unknown. Temporary
            // credentials minted from it stay valid until they expire, as in AWS; revoke the user's sessions
            // (scope subject, the user's ARN) to end them.
            var known = directory.accessKey(accessKeyId);
            attempt.inactiveKey = known.isPresent() && !known.get().active();
            var key = known.filter(k -> k.active());
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
