package io.stsgate.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CallerLookup;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.SessionChecks;
import io.stsgate.engine.StsException;
import io.stsgate.identity.sigv4.CredentialResolver;
import io.stsgate.identity.sigv4.Resolution;
import io.stsgate.identity.sigv4.SigV4Failure;
import io.stsgate.identity.sigv4.SigV4Result;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.identity.sigv4.SignedRequest;

/**
 * The caller of a SigV4-signed request, for every face that accepts one (the Query API's signed actions, the decision
 * API): the signature checked with the secret {@link CallerLookup} finds, then {@link SessionChecks} (revocation, the
 * session's role or user gone). Returns a result, never throws for a bad request; the face turns a refusal into its
 * own wire format. Thread-safe, no I/O: keys, sessions and revocations come from memory.
 */
public final class SignedCallers {

    private final CallerLookup lookup;
    private final SessionChecks sessionChecks;

    public SignedCallers(CallerLookup lookup, SessionChecks sessionChecks) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.sessionChecks = Objects.requireNonNull(sessionChecks, "sessionChecks");
    }

    /** Who signed a request, or the AWS error to answer with. */
    public sealed interface Authentication {

        /**
         * @param caller who signed
         * @param region the region of the credential scope
         * @param signedAt the signing time
         */
        record Authenticated(Caller caller, String region, Instant signedAt) implements Authentication {
        }

        /** The error (AWS code, reason code, safe client message, audit detail); {@code caller} when it is known. */
        record Refused(StsException error, Caller caller) implements Authentication {
        }
    }

    /**
     * Verifies {@code request} with {@code verifier} (which fixes the service name of the credential scope) and
     * checks the session may still be used. {@code iamAction} (e.g. {@code sts:GetCallerIdentity}) only words the
     * refusal of a revoked session. Revocation and a deleted principal are checked only after the signature proved the
     * caller holds the secret, so neither is disclosed to someone who merely saw an access key id.
     */
    public Authentication authenticate(SignedRequest request, SigV4Verifier verifier, String iamAction) {
        var attempt = new Attempt();
        SigV4Result<Caller> result = verifier.verify(request, resolver(attempt));
        if (result instanceof SigV4Result.Verified<Caller> ok) {
            Caller caller = ok.principal();
            if (caller instanceof Caller.SessionCaller session) {
                Optional<StsException> refusal = sessionChecks.refusal(session.session(), iamAction);
                if (refusal.isPresent()) {
                    return new Authentication.Refused(refusal.get(), caller);
                }
            }
            return new Authentication.Authenticated(caller, ok.region(), ok.signedAt());
        }
        var rejected = (SigV4Result.Rejected<Caller>) result;
        ReasonCode reason = rejected.failure() == SigV4Failure.INVALID_CLIENT_TOKEN_ID && attempt.inactiveKey
                ? ReasonCode.ACCESS_KEY_INACTIVE
                : reason(rejected.failure());
        return new Authentication.Refused(new StsException(errorCode(rejected.failure()), reason, rejected.message()),
                null);
    }

    /** What the lookup learned that the SigV4 result does not say. */
    private static final class Attempt {
        private boolean inactiveKey;
    }

    private CredentialResolver<Caller> resolver(Attempt attempt) {
        return (accessKeyId, securityToken) -> {
            var found = lookup.find(accessKeyId, securityToken);
            if (found instanceof CallerLookup.Lookup.Found f) {
                return Resolution.resolved(f.secretAccessKey(), f.caller());
            }
            var miss = ((CallerLookup.Lookup.Missing) found).miss();
            attempt.inactiveKey = miss == CallerLookup.Miss.INACTIVE_KEY;
            return Resolution.unresolved(miss == CallerLookup.Miss.EXPIRED ? SigV4Failure.EXPIRED_TOKEN
                    : SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        };
    }

    /** The AWS error code of a SigV4 failure. */
    public static ErrorCode errorCode(SigV4Failure failure) {
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
