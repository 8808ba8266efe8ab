package io.stsgate.engine;

import java.util.Optional;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.AccessKeyIds;
import io.stsgate.directory.Directory;
import io.stsgate.directory.User;

/** What a caller may learn about itself and its keys: its identity, a key's account, an authorization failure. */
public final class CallerInfo {

    private final Directory directory;
    private final ConditionKeys conditionKeys;
    private final CallerAuthorization authorization;
    private final AuthorizationMessages authorizationMessages;

    CallerInfo(Directory directory, ConditionKeys conditionKeys, CallerAuthorization authorization,
            AuthorizationMessages authorizationMessages) {
        this.directory = directory;
        this.conditionKeys = conditionKeys;
        this.authorization = authorization;
        this.authorizationMessages = authorizationMessages;
    }

    /** Always allowed, even with an explicit deny, as in AWS. */
    public CallerIdentity getCallerIdentity(Caller caller) {
        if (caller instanceof Caller.UserCaller u) {
            return new CallerIdentity(u.user().userId(), u.accountId(), u.arn());
        }
        var session = ((Caller.SessionCaller) caller).session();
        return new CallerIdentity(session.principalId(), session.accountId(), session.arn());
    }

    /**
     * The account of a long-term key, or of the caller's own temporary key: temporary ids are random and name no
     * account (the audit event of the issuance does).
     */
    public String getAccessKeyInfo(Caller caller, String accessKeyId) {
        var account = AccessKeyIds.isTemporary(accessKeyId)
                ? Optional.of(caller.accountId()).filter(a -> caller instanceof Caller.SessionCaller s
                        && accessKeyId.equals(s.session().accessKeyId()))
                : directory.accessKey(accessKeyId).flatMap(k -> directory.user(k.userArn())).map(User::accountId);
        return account.orElseThrow(() -> new StsException(ErrorCode.INVALID_PARAMETER_VALUE,
                ReasonCode.INVALID_PARAMETER, "The access key ID " + accessKeyId + " is not valid."));
    }

    public String decodeAuthorizationMessage(Caller caller, String encodedMessage, RequestInfo info,
            AuditDraft audit) {
        audit.principal(caller.arn());
        if (caller instanceof Caller.SessionCaller s && s.session().kind() != SessionKind.ASSUMED_ROLE) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.CALLER_TYPE_NOT_ALLOWED,
                    CallerAuthorization.notAuthorized(caller, "sts:DecodeAuthorizationMessage", "*"));
        }
        authorization.requireCallerPermission(caller, "sts:DecodeAuthorizationMessage", "*",
                conditionKeys.forCaller(caller, info).build());
        return authorizationMessages.decode(encodedMessage);
    }
}
