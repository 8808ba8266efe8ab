package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.access.SignedCallers;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.SessionKind;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.identity.sigv4.SignedRequest;

/**
 * The Query API's boundary for signed calls: {@link SignedCallers} resolves the caller (shared with the decision API),
 * this class records it in the audit draft and throws the AWS error of a refusal.
 */
@ApplicationScoped
public class SignedCallAuthenticator {

    @Inject
    SigV4Verifier verifier;
    @Inject
    SignedCallers callers;

    /**
     * The caller of a signed request for {@code action} (e.g. {@code GetCallerIdentity}); its ARN goes into
     * {@code audit}. A temporary credential is refused when revoked or when its role or user is gone, but only after
     * the signature proved the caller holds its secret.
     */
    public Caller authenticate(SignedRequest request, String action, AuditDraft audit) {
        var result = callers.authenticate(request, verifier, "sts:" + action);
        Caller caller = result instanceof SignedCallers.Authentication.Authenticated ok ? ok.caller()
                : ((SignedCallers.Authentication.Refused) result).caller();
        if (caller != null) {
            audit.principal(caller.arn());
            if (caller instanceof Caller.SessionCaller session && session.session().kind() == SessionKind.ASSUMED_ROLE) {
                // The session's role, so an audit query by roleArn finds its refusals; an action that assumes another
                // role records that one instead.
                audit.role(session.session().sourceArn());
            }
        }
        if (result instanceof SignedCallers.Authentication.Refused refused) {
            throw refused.error();
        }
        return caller;
    }
}
