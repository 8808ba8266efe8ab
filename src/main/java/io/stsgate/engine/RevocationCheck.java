package io.stsgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.RevocableSession;
import io.stsgate.directory.Revocation;
import io.stsgate.directory.RevocationList;
import io.stsgate.directory.RevocationScope;

/**
 * Whether a verified temporary credential has been revoked, against the in-memory {@link RevocationList}: no database
 * read. Every place that accepts a temporary credential asks it (the Query API's signed calls today, the decision API
 * later), after the signature proved the caller holds the secret.
 *
 * <p>
 * A revoked session is refused with {@code AccessDenied} (403), not {@code InvalidClientTokenId}: AWS revokes sessions
 * by attaching a deny on {@code aws:TokenIssueTime} ("Revoke active sessions"), so the credential stays
 * well-formed and authentic and every call is answered with an explicit-deny {@code AccessDenied}.
 * {@code InvalidClientTokenId} is AWS's answer to a token it cannot read, which would send operators looking for a
 * keyring problem. Unlike AWS, stsgate also refuses {@code GetCallerIdentity} to a revoked session: services use
 * it as proof of identity (Vault, EKS), and a revoked credential must not prove anything.
 */
public final class RevocationCheck {

    private final Supplier<RevocationList> revocations;

    public RevocationCheck(Supplier<RevocationList> revocations) {
        this.revocations = revocations;
    }

    public Optional<Revocation> revoking(SessionContext session) {
        return revocations.get().revoking(facts(session));
    }

    /** Throws AWS's explicit-deny {@code AccessDenied} when {@code session} is revoked. */
    public void requireNotRevoked(SessionContext session, String iamAction) {
        Optional<StsException> refusal = refusal(session, iamAction);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** AWS's explicit-deny {@code AccessDenied} for a revoked {@code session}, not thrown; empty when not revoked. */
    public Optional<StsException> refusal(SessionContext session, String iamAction) {
        Optional<Revocation> revocation = revoking(session);
        if (revocation.isEmpty()) {
            return Optional.empty();
        }
        Revocation r = revocation.get();
        return Optional.of(new StsException(ErrorCode.ACCESS_DENIED, reason(r.scope()),
                "User: " + session.arn() + " is not authorized to perform: " + iamAction
                        + " with an explicit deny: the session was revoked",
                "revocation " + r.id() + " (" + r.scope().wireName() + " " + r.target() + ", issued before "
                        + r.issuedBefore() + ") matches session " + session.accessKeyId() + " issued at "
                        + session.issuedAt()));
    }

    static RevocableSession facts(SessionContext session) {
        List<String> subjects = new ArrayList<>(2);
        if (session.originArn() != null) {
            subjects.add(session.originArn());
        } else if (session.kind() != SessionKind.ASSUMED_ROLE && session.sourceArn() != null) {
            // User and federated-user sessions are the user's own, even in tokens issued before origins were sealed.
            subjects.add(session.sourceArn());
        }
        if (session.federatedProvider() != null && session.federatedSubject() != null) {
            subjects.add(RevocationScope.federatedSubject(session.federatedProvider(), session.federatedSubject()));
        }
        String role = session.kind() == SessionKind.ASSUMED_ROLE ? session.sourceArn() : null;
        return new RevocableSession(session.accessKeyId(), role, subjects, session.sourceIdentity(),
                session.issuedAt());
    }

    static ReasonCode reason(RevocationScope scope) {
        return switch (scope) {
            case ACCESS_KEY -> ReasonCode.CREDENTIAL_REVOKED;
            case ROLE -> ReasonCode.ROLE_SESSIONS_REVOKED;
            case SUBJECT -> ReasonCode.SUBJECT_SESSIONS_REVOKED;
            case SOURCE_IDENTITY -> ReasonCode.SOURCE_IDENTITY_SESSIONS_REVOKED;
        };
    }
}
