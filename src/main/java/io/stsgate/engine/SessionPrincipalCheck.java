package io.stsgate.engine;

import java.util.Optional;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.directory.User;

/**
 * Whether the role or user a temporary credential was issued for is still there as the same principal: same ARN and
 * same unique id. A role or user deleted, or deleted and created again under the same name (a new random id), ends
 * every session issued for it, as in AWS, where a session belongs to the principal and not to its name. Reads the
 * in-memory directory snapshot only. Role sessions answer for their own role: the user or role that assumed it is not
 * asked, as AWS keeps a role session when the caller that assumed it is deleted.
 *
 * <p>
 * The refusal is {@code InvalidClientTokenId}, the answer AWS gives to credentials of a principal that no longer
 * exists: the token is authentic but stands for nobody.
 */
public final class SessionPrincipalCheck {

    private static final String INVALID = "The security token included in the request is invalid.";

    private final Directory directory;

    public SessionPrincipalCheck(Directory directory) {
        this.directory = directory;
    }

    public void requireCurrent(SessionContext session) {
        Optional<StsException> refusal = refusal(session);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** AWS's {@code InvalidClientTokenId} for a session whose role or user is gone, not thrown; else empty. */
    public Optional<StsException> refusal(SessionContext session) {
        boolean role = session.kind() == SessionKind.ASSUMED_ROLE;
        String noun = role ? "role" : "user";
        Optional<String> current = role ? directory.role(session.sourceArn()).map(Role::roleId)
                : directory.user(session.sourceArn()).map(User::userId);
        if (current.isEmpty()) {
            return Optional.of(new StsException(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                    ReasonCode.SESSION_PRINCIPAL_DELETED, INVALID, "the " + noun + " " + session.sourceArn()
                            + " that session " + session.accessKeyId() + " was issued for no longer exists"));
        }
        String issuedFor = session.sourceUniqueId();
        if (issuedFor != null && !issuedFor.equals(current.get())) {
            return Optional.of(new StsException(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                    ReasonCode.SESSION_PRINCIPAL_REPLACED, INVALID, "session " + session.accessKeyId()
                            + " was issued for " + noun + " " + session.sourceArn() + " with id " + issuedFor + "; that "
                            + noun + " was deleted and created again with id " + current.get()));
        }
        return Optional.empty();
    }
}
