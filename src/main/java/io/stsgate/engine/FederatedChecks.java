package io.stsgate.engine;

import static io.stsgate.engine.SessionIssuance.SET_SOURCE_IDENTITY;
import static io.stsgate.engine.SessionIssuance.TAG_SESSION;
import static io.stsgate.engine.SessionIssuance.requestTags;
import static io.stsgate.engine.SessionIssuance.roleDuration;
import static io.stsgate.engine.SessionIssuance.tagMap;

import java.util.List;
import java.util.Set;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Arns;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.RequestContext;
import io.stsgate.policy.RequestPrincipal;

/**
 * The checks a federated principal passes before its session is minted, in their one order: the provider belongs to
 * the account the role ARN names (before the role is looked up, as AWS does: the answer is the same whether or not a
 * role exists in an account the provider does not belong to), the role exists, the session tags are valid, the trust
 * policy allows the assume action, {@code sts:TagSession} with tags and {@code sts:SetSourceIdentity} with a source
 * identity, the duration fits the role, the session policies are valid. Issuance and explain run this same list in
 * their {@link CheckMode}.
 */
final class FederatedChecks {

    /** The trust policy's actions in the order they are checked. */
    private static final String[] TRUST_ACTIONS = { null, TAG_SESSION, SET_SOURCE_IDENTITY };

    private final Directory directory;
    private final PolicyEvaluator evaluator;
    private final SessionPolicies sessionPolicies;
    private final ConditionKeys conditionKeys;

    FederatedChecks(Directory directory, PolicyEvaluator evaluator, SessionPolicies sessionPolicies,
            ConditionKeys conditionKeys) {
        this.directory = directory;
        this.evaluator = evaluator;
        this.sessionPolicies = sessionPolicies;
        this.conditionKeys = conditionKeys;
    }

    /** What every check agreed to: the session to mint. */
    record Passed(Role role, FederatedPrincipal principal, SessionTagRules.Combined tags, int duration,
            Integer packedPolicySize) {
    }

    /** What a federated principal asks of a role: condition keys, session tags and the trust policy's principal. */
    private record FederatedRequest(RequestContext context, SessionTagRules.Combined tags,
            RequestPrincipal principal) {
    }

    /**
     * Runs every check on {@code asserted} asking for {@code cmd}; {@code tagsIfTrusted} (the platform's tags of a
     * container credentials request) join the session when the trust policy allows {@code sts:TagSession} with them.
     *
     * @return the session to mint, or null when a check refused in explain mode (issuance throws instead)
     */
    Passed run(FederatedPrincipal asserted, List<SessionTag> tagsIfTrusted, FederatedAssumeCommand cmd,
            RequestInfo info, AuditDraft audit, CheckMode mode) {
        FederationKind kind = asserted.kind();
        String roleAccount = Arns.roleAccount(cmd.roleArn()).orElse(null);
        if (roleAccount != null && !asserted.providerAccount().equals(roleAccount)) {
            mode.refuse(CheckResult.PROVIDER_ACCOUNT, new StsException(ErrorCode.INVALID_IDENTITY_TOKEN,
                    ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT, kind.noProvider(asserted.issuer()), "provider "
                            + asserted.providerArn() + " is not registered in the role's account " + roleAccount));
        } else if (mode.explains()) {
            mode.pass(CheckResult.PROVIDER_ACCOUNT, "provider " + asserted.providerArn()
                    + " is registered in the role's account");
        }
        Role role = directory.role(cmd.roleArn()).orElse(null);
        if (role == null) {
            mode.refuse(CheckResult.ROLE_EXISTS, new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.ROLE_NOT_FOUND,
                    kind.notAuthorized(), "role " + cmd.roleArn() + " does not exist"));
            notReached(mode, "the role does not exist", CheckResult.SESSION_TAGS, CheckResult.TRUST_POLICY,
                    CheckResult.TAG_SESSION_PERMISSION, CheckResult.SOURCE_IDENTITY_PERMISSION, CheckResult.DURATION,
                    CheckResult.SESSION_POLICIES);
            return null;
        }
        if (mode.explains()) {
            mode.pass(CheckResult.ROLE_EXISTS, "role " + role.arn() + " exists");
        }
        FederatedPrincipal principal = asserted;
        FederatedRequest request = null;
        boolean platformTagsTrusted = false;
        try {
            if (!tagsIfTrusted.isEmpty()) {
                var tagged = principal.withTags(tagsIfTrusted);
                var taggedRequest = federatedRequest(tagged, role, cmd.roleSessionName(), info);
                if (evaluator.evaluateTrust(role.trustPolicy(), new AuthorizationRequest(taggedRequest.principal(),
                        TAG_SESSION, role.arn(), taggedRequest.context())).allowed()) {
                    principal = tagged;
                    request = taggedRequest;
                    platformTagsTrusted = true;
                }
            }
            if (request == null) {
                request = federatedRequest(principal, role, cmd.roleSessionName(), info);
            }
        } catch (StsException e) {
            mode.refuse(CheckResult.SESSION_TAGS, e);
            notReached(mode, "the session tags are invalid", CheckResult.TRUST_POLICY,
                    CheckResult.TAG_SESSION_PERMISSION, CheckResult.SOURCE_IDENTITY_PERMISSION);
        }
        boolean refused = request == null;
        if (request != null) {
            if (mode.explains()) {
                mode.pass(CheckResult.SESSION_TAGS, request.tags().tags().size() + " session tags");
            }
            audit.tags(tagMap(request.tags().tags())).sourceIdentity(principal.sourceIdentity());
            refused = !trust(kind, role, principal, request, platformTagsTrusted, mode);
        }
        int duration = duration(cmd, role, principal, mode);
        if (duration > 0) {
            audit.duration(duration);
        }
        Integer packed = null;
        var tags = request == null ? List.<SessionTag> of() : request.tags().tags();
        try {
            sessionPolicies.validate(cmd.policy(), cmd.policyArns(), role.accountId());
            packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), tags);
            if (mode.explains()) {
                mode.pass(CheckResult.SESSION_POLICIES, cmd.policy() == null && cmd.policyArns().isEmpty()
                        ? "no session policies"
                        : "the session policies are valid");
            }
        } catch (StsException e) {
            mode.refuse(CheckResult.SESSION_POLICIES, e);
            refused = true;
        }
        return refused || duration <= 0 ? null : new Passed(role, principal, request.tags(), duration, packed);
    }

    /** The trust policy on each action the request needs; whether it allowed them all. */
    private boolean trust(FederationKind kind, Role role, FederatedPrincipal principal, FederatedRequest request,
            boolean platformTagsTrusted, CheckMode mode) {
        boolean allowed = true;
        for (String needed : TRUST_ACTIONS) {
            String action = needed == null ? kind.iamAction() : needed;
            String check = checkName(action);
            if (action.equals(TAG_SESSION) && request.tags().tags().isEmpty()) {
                if (mode.explains()) {
                    mode.skip(check, "the provider asserts no session tags");
                }
                continue;
            }
            if (action.equals(SET_SOURCE_IDENTITY) && principal.sourceIdentity() == null) {
                if (mode.explains()) {
                    mode.skip(check, "the provider asserts no source identity");
                }
                continue;
            }
            if (action.equals(TAG_SESSION) && platformTagsTrusted) {
                // Evaluated on this very request when it decided the platform's tags.
                if (mode.explains()) {
                    mode.pass(check, action + " allowed with the platform's tags");
                }
                continue;
            }
            var authorization = new AuthorizationRequest(request.principal(), action, role.arn(), request.context());
            Decision decision = evaluator.evaluateTrust(role.trustPolicy(), authorization);
            if (mode.explains()) {
                mode.trust(new TrustExplanation.ActionTrust(action, decision,
                        evaluator.explainTrust(role.trustPolicy(), authorization)));
            }
            if (!decision.allowed()) {
                allowed = false;
                mode.refuse(check, new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.TRUST_POLICY_DENIED,
                        kind.notAuthorized(), "trust policy, " + action + ": " + decision.outcome() + "; "
                                + String.join("; ", decision.reasons())));
            } else if (mode.explains()) {
                mode.pass(check, action + " allowed by " + decision.deciding());
            }
        }
        return allowed;
    }

    /** The session's duration: the requested or default one within the role's maximum, shortened by the provider. */
    private static int duration(FederatedAssumeCommand cmd, Role role, FederatedPrincipal principal,
            CheckMode mode) {
        int duration;
        try {
            duration = roleDuration(cmd.durationSeconds(), role, false);
        } catch (StsException e) {
            mode.refuse(CheckResult.DURATION, e);
            return 0;
        }
        boolean shortened = principal.maxDurationSeconds() != null && principal.maxDurationSeconds() < duration;
        if (principal.maxDurationSeconds() != null) {
            duration = Math.min(duration, principal.maxDurationSeconds());
        }
        if (mode.explains()) {
            mode.pass(CheckResult.DURATION, "the session lasts " + duration + " s"
                    + (shortened ? ", shortened by the provider" : "") + "; the role allows up to "
                    + role.maxSessionDuration() + " s");
        }
        return duration;
    }

    private FederatedRequest federatedRequest(FederatedPrincipal principal, Role role, String roleSessionName,
            RequestInfo info) {
        var tags = SessionTagRules.combine(List.of(), Set.of(), principal.tags(), principal.transitiveTagKeys());
        RequestContext.Builder context = conditionKeys.forFederated(principal, info);
        context.put("sts:RoleSessionName", roleSessionName);
        if (principal.sourceIdentity() != null) {
            context.put("sts:SourceIdentity", principal.sourceIdentity());
        }
        requestTags(context, tags.tags(), tags.transitiveKeys());
        role.tags().forEach((k, v) -> context.put("aws:ResourceTag/" + k, v).put("iam:ResourceTag/" + k, v));
        return new FederatedRequest(context.build(), tags,
                new RequestPrincipal("Federated", principal.providerArn(), null, List.of()));
    }

    private static void notReached(CheckMode mode, String because, String... checks) {
        if (mode.explains()) {
            for (String check : checks) {
                mode.skip(check, "not reached: " + because);
            }
        }
    }

    private static String checkName(String action) {
        if (action.equals(TAG_SESSION)) {
            return CheckResult.TAG_SESSION_PERMISSION;
        }
        return action.equals(SET_SOURCE_IDENTITY) ? CheckResult.SOURCE_IDENTITY_PERMISSION
                : CheckResult.TRUST_POLICY;
    }
}
