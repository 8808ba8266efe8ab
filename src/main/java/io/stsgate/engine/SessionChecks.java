package io.stsgate.engine;

import java.util.Optional;

/**
 * Everything that refuses an authentic, unexpired temporary credential, in one place so every face that accepts one
 * (the Query API's signed calls today, the decision API later) refuses the same sessions for the same reasons: the
 * session was revoked, or the role or user it was issued for is gone or was created again. Call it only after the
 * signature proved the caller holds the session's secret, so none of this is disclosed to someone who merely saw an
 * access key id.
 */
public final class SessionChecks {

    private final RevocationCheck revocations;
    private final SessionPrincipalCheck principals;

    public SessionChecks(RevocationCheck revocations, SessionPrincipalCheck principals) {
        this.revocations = revocations;
        this.principals = principals;
    }

    /** Throws the AWS error for a session that must not be used for {@code iamAction}. */
    public void requireUsable(SessionContext session, String iamAction) {
        revocations.requireNotRevoked(session, iamAction);
        principals.requireCurrent(session);
    }

    /** The AWS error for a session that must not be used for {@code iamAction}, not thrown; empty when usable. */
    public Optional<StsException> refusal(SessionContext session, String iamAction) {
        Optional<StsException> revoked = revocations.refusal(session, iamAction);
        return revoked.isPresent() ? revoked : principals.refusal(session);
    }
}
