package io.stsgate.engine;

import static io.stsgate.engine.SessionIssuance.requestTags;
import static io.stsgate.engine.SessionIssuance.roleDuration;
import static io.stsgate.engine.SessionIssuance.tagMap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.policy.RequestContext;

/**
 * AssumeRole for signed callers (long-term keys, or a session chaining on): caller restrictions, lookup, session tags
 * and source identity, MFA, the caller's own permission and the role's trust policy, durations, session policies,
 * then minting.
 */
public final class RoleAssumption {

    private final Directory directory;
    private final SessionPolicies sessionPolicies;
    private final ConditionKeys conditionKeys;
    private final MfaCheck mfa;
    private final CallerAuthorization authorization;
    private final SessionIssuance issuance;

    RoleAssumption(Directory directory, SessionPolicies sessionPolicies, ConditionKeys conditionKeys, MfaCheck mfa,
            CallerAuthorization authorization, SessionIssuance issuance) {
        this.directory = directory;
        this.sessionPolicies = sessionPolicies;
        this.conditionKeys = conditionKeys;
        this.mfa = mfa;
        this.authorization = authorization;
        this.issuance = issuance;
    }

    /**
     * A role that does not exist is refused like one whose trust policy denies: the caller's own permission is
     * checked first in both cases, and only then the role, so the answer tells nothing about other accounts. Role
     * limits (duration) and session policies are looked at only once the caller is allowed.
     */
    public IssuedSession assumeRole(Caller caller, AssumeRoleCommand cmd, RequestInfo info, AuditDraft audit) {
        audit.principal(caller.arn()).role(cmd.roleArn()).sessionName(cmd.roleSessionName());
        CallerAuthorization.refuseFederatedUsers(caller, "sts:AssumeRole");
        Optional<Role> found = directory.role(cmd.roleArn());
        boolean chained = caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.ASSUMED_ROLE;

        var inheritedSession = caller instanceof Caller.SessionCaller s ? s.session() : null;
        var tags = SessionTagRules.combine(inheritedSession == null ? List.of() : inheritedSession.transitiveTags(),
                inheritedSession == null ? Set.of() : inheritedSession.transitiveTagKeys(), cmd.tags(),
                cmd.transitiveTagKeys());
        audit.tags(tagMap(tags.tags()));
        String sourceIdentity = sourceIdentity(inheritedSession, cmd.sourceIdentity());
        audit.sourceIdentity(sourceIdentity);

        Instant mfaAt = mfa.verify(userArnOf(caller), cmd.serialNumber(), cmd.tokenCode());
        RequestContext.Builder context = conditionKeys.forCaller(caller, info, mfaAt);
        if (mfaAt == null && inheritedSession != null) {
            mfaAt = inheritedSession.mfaAuthenticatedAt();
        }
        if (cmd.externalId() != null) {
            context.put("sts:ExternalId", cmd.externalId());
        }
        context.put("sts:RoleSessionName", cmd.roleSessionName());
        if (sourceIdentity != null) {
            context.put("sts:SourceIdentity", sourceIdentity);
        }
        requestTags(context, tags.tags(), tags.transitiveKeys());
        found.ifPresent(role -> role.tags()
                .forEach((k, v) -> context.put("aws:ResourceTag/" + k, v).put("iam:ResourceTag/" + k, v)));
        RequestContext ctx = context.build();

        if (found.isEmpty()) {
            authorization.requireCallerPermission(caller, "sts:AssumeRole", cmd.roleArn(), ctx);
            throw authorization.roleRefused(caller, "sts:AssumeRole", cmd.roleArn(), ReasonCode.ROLE_NOT_FOUND,
                    "role " + cmd.roleArn() + " does not exist");
        }
        Role role = found.get();
        authorization.authorize(caller, "sts:AssumeRole", role, ctx);
        if (!tags.tags().isEmpty()) {
            authorization.authorize(caller, "sts:TagSession", role, ctx);
        }
        if (cmd.sourceIdentity() != null) {
            authorization.authorize(caller, "sts:SetSourceIdentity", role, ctx);
        }
        int duration = roleDuration(cmd.durationSeconds(), role, chained);
        audit.duration(duration);
        sessionPolicies.validate(cmd.policy(), cmd.policyArns(), role.accountId());
        Integer packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), cmd.tags());

        Instant now = issuance.now();
        var draft = SessionDrafts.assumedRole(role, cmd.roleSessionName(), now, duration).mfaAuthenticatedAt(mfaAt)
                .sourceIdentity(sourceIdentity).tags(tags).sessionPolicies(cmd.policy(), cmd.policyArns())
                .chained(chained)
                .federated(inheritedSession == null ? null : inheritedSession.federatedProvider(),
                        inheritedSession == null ? null : inheritedSession.federatedSubject())
                .origin(originOf(caller)).build();
        return issuance.issue(draft, packed, audit);
    }

    /** A source identity, once set, is carried along the chain and cannot change. */
    private static String sourceIdentity(SessionContext inherited, String requested) {
        String existing = inherited == null ? null : inherited.sourceIdentity();
        if (existing != null && requested != null && !existing.equals(requested)) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.SOURCE_IDENTITY_IMMUTABLE,
                    "SourceIdentity cannot be changed once it is set on a session.");
        }
        return existing != null ? existing : requested;
    }

    /** The IAM user at the start of a chain, carried into the new session so revoking that user's sessions finds it. */
    private static String originOf(Caller caller) {
        if (caller instanceof Caller.SessionCaller s) {
            return s.session().originArn();
        }
        return caller.arn();
    }

    /** The IAM user behind a call, for MFA: role and federated sessions have none. */
    private static String userArnOf(Caller caller) {
        if (caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.USER_SESSION) {
            return s.session().sourceArn();
        }
        return caller.arn();
    }
}
