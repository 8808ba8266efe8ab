package io.stsgate.engine;

import static io.stsgate.engine.SessionIssuance.DEFAULT_USER_SESSION_DURATION;
import static io.stsgate.engine.SessionIssuance.requestTags;
import static io.stsgate.engine.SessionIssuance.tagMap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Arns;
import io.stsgate.policy.RequestContext;

/**
 * GetSessionToken and GetFederationToken: sessions an IAM user asks for with its long-term keys, for itself (with MFA)
 * or for a federated user it names.
 */
public final class UserSessionTokens {

    private final SessionPolicies sessionPolicies;
    private final ConditionKeys conditionKeys;
    private final MfaCheck mfa;
    private final CallerAuthorization authorization;
    private final SessionIssuance issuance;

    UserSessionTokens(SessionPolicies sessionPolicies, ConditionKeys conditionKeys, MfaCheck mfa,
            CallerAuthorization authorization, SessionIssuance issuance) {
        this.sessionPolicies = sessionPolicies;
        this.conditionKeys = conditionKeys;
        this.mfa = mfa;
        this.authorization = authorization;
        this.issuance = issuance;
    }

    public IssuedSession getSessionToken(Caller caller, GetSessionTokenCommand cmd, RequestInfo info,
            AuditDraft audit) {
        audit.principal(caller.arn());
        if (!(caller instanceof Caller.UserCaller user)) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.CALLER_TYPE_NOT_ALLOWED,
                    "Cannot call GetSessionToken with session credentials");
        }
        int duration = cmd.durationSeconds() == null ? DEFAULT_USER_SESSION_DURATION : cmd.durationSeconds();
        audit.duration(duration);
        Instant mfaAt = mfa.verify(user.arn(), cmd.serialNumber(), cmd.tokenCode());
        Instant now = issuance.now();
        var draft = SessionDrafts.userSession(user, now, duration, mfaAt);
        return issuance.issue(draft, null, audit);
    }

    public IssuedSession getFederationToken(Caller caller, GetFederationTokenCommand cmd, RequestInfo info,
            AuditDraft audit) {
        audit.principal(caller.arn()).sessionName(cmd.name());
        if (!(caller instanceof Caller.UserCaller user)) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.CALLER_TYPE_NOT_ALLOWED,
                    "Cannot call GetFederationToken with session credentials");
        }
        int duration = cmd.durationSeconds() == null ? DEFAULT_USER_SESSION_DURATION : cmd.durationSeconds();
        audit.duration(duration);
        var tags = SessionTagRules.combine(List.of(), Set.of(), cmd.tags(), List.of());
        audit.tags(tagMap(tags.tags()));
        String federatedArn = Arns.federatedUser(user.accountId(), cmd.name());
        RequestContext.Builder context = conditionKeys.forCaller(caller, info);
        requestTags(context, tags.tags(), Set.of());
        RequestContext ctx = context.build();
        authorization.requireCallerPermission(caller, "sts:GetFederationToken", federatedArn, ctx);
        if (!tags.tags().isEmpty()) {
            authorization.requireCallerPermission(caller, "sts:TagSession", federatedArn, ctx);
        }
        sessionPolicies.validate(cmd.policy(), cmd.policyArns(), user.accountId());
        Integer packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), cmd.tags());
        Instant now = issuance.now();
        var draft = SessionDrafts.federatedUser(user, cmd.name(), federatedArn, now, duration, tags.tags(),
                cmd.policy(), cmd.policyArns());
        return issuance.issue(draft, packed, audit);
    }
}
