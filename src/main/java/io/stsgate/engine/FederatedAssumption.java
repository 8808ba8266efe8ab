package io.stsgate.engine;

import static io.stsgate.engine.SessionIssuance.SET_SOURCE_IDENTITY;
import static io.stsgate.engine.SessionIssuance.TAG_SESSION;
import static io.stsgate.engine.SessionIssuance.requestTags;
import static io.stsgate.engine.SessionIssuance.roleDuration;
import static io.stsgate.engine.SessionIssuance.tagMap;

import java.time.Instant;
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
 * A federated principal (from a web identity token, a SAML assertion or a workload's platform credentials) assuming a
 * role, once its proof passed its own checks: the provider's account, the role's trust policy, durations, session
 * policies, then minting. Explain runs the same request building and trust evaluation, collecting every check.
 */
public final class FederatedAssumption {

    private final Directory directory;
    private final PolicyEvaluator evaluator;
    private final SessionPolicies sessionPolicies;
    private final ConditionKeys conditionKeys;
    private final SessionIssuance issuance;

    FederatedAssumption(Directory directory, PolicyEvaluator evaluator, SessionPolicies sessionPolicies,
            ConditionKeys conditionKeys, SessionIssuance issuance) {
        this.directory = directory;
        this.evaluator = evaluator;
        this.sessionPolicies = sessionPolicies;
        this.conditionKeys = conditionKeys;
        this.issuance = issuance;
    }

    /**
     * AssumeRoleWithWebIdentity and AssumeRoleWithSAML, after the token or assertion passed its own checks: the
     * provider must belong to the role's account and the role's trust policy must allow it.
     */
    public IssuedSession assumeRoleWithFederation(FederatedPrincipal principal, FederatedAssumeCommand cmd,
            RequestInfo info, AuditDraft audit) {
        return assumeRoleWithFederation(principal, List.of(), cmd, info, audit);
    }

    /**
     * As {@link #assumeRoleWithFederation(FederatedPrincipal, FederatedAssumeCommand, RequestInfo, AuditDraft)}, with
     * session tags the platform vouches for (the pod of a container credentials request, as EKS Pod Identity sets
     * them): they join the session, replacing the token's tags of the same keys, when the trust policy allows
     * {@code sts:TagSession} with them; otherwise the session is issued without them, since the workload did not ask
     * for them.
     */
    public IssuedSession assumeRoleWithFederation(FederatedPrincipal asserted, List<SessionTag> tagsIfTrusted,
            FederatedAssumeCommand cmd, RequestInfo info, AuditDraft audit) {
        FederatedPrincipal principal = asserted;
        FederationKind kind = principal.kind();
        audit.principal(principal.providerArn()).subject(principal.subject()).issuer(principal.issuer())
                .role(cmd.roleArn()).sessionName(cmd.roleSessionName());
        // As AWS does, the provider is looked for in the account the role ARN names, before the role itself: the
        // answer is the same whether or not a role exists in an account the provider does not belong to.
        String roleAccount = Arns.roleAccount(cmd.roleArn()).orElse(null);
        if (roleAccount != null && !principal.providerAccount().equals(roleAccount)) {
            throw new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT,
                    kind.noProvider(principal.issuer()), "provider " + principal.providerArn()
                            + " is not registered in the role's account " + roleAccount);
        }
        Role role = directory.role(cmd.roleArn()).orElseThrow(() -> new StsException(ErrorCode.ACCESS_DENIED,
                ReasonCode.ROLE_NOT_FOUND, kind.notAuthorized(), "role " + cmd.roleArn() + " does not exist"));
        FederatedRequest request = null;
        boolean tagSessionAllowed = false;
        if (!tagsIfTrusted.isEmpty()) {
            var tagged = principal.withTags(tagsIfTrusted);
            var taggedRequest = federatedRequest(tagged, role, cmd.roleSessionName(), info);
            if (evaluator.evaluateTrust(role.trustPolicy(), new AuthorizationRequest(taggedRequest.principal(),
                    TAG_SESSION, role.arn(), taggedRequest.context())).allowed()) {
                principal = tagged;
                request = taggedRequest;
                tagSessionAllowed = true;
            }
        }
        if (request == null) {
            request = federatedRequest(principal, role, cmd.roleSessionName(), info);
        }
        var tags = request.tags();
        audit.tags(tagMap(tags.tags())).sourceIdentity(principal.sourceIdentity());
        for (String action : trustActions(kind, principal, tags)) {
            // TagSession was just evaluated on this very request when it decided the platform's tags.
            if (!(tagSessionAllowed && action.equals(TAG_SESSION))) {
                requireTrust(kind, role, request.principal(), action, request.context());
            }
        }
        int duration = roleDuration(cmd.durationSeconds(), role, false);
        if (principal.maxDurationSeconds() != null) {
            duration = Math.min(duration, principal.maxDurationSeconds());
        }
        audit.duration(duration);
        sessionPolicies.validate(cmd.policy(), cmd.policyArns(), role.accountId());
        Integer packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), tags.tags());
        Instant now = issuance.now();
        var draft = SessionDrafts.assumedRole(role, cmd.roleSessionName(), now, duration)
                .sourceIdentity(principal.sourceIdentity()).tags(tags).sessionPolicies(cmd.policy(), cmd.policyArns())
                .federated(principal.providerArn(), principal.subject()).build();
        return issuance.issue(draft, packed, audit);
    }

    /** What a federated principal asks of a role: condition keys, session tags and the trust policy's principal. */
    private record FederatedRequest(RequestContext context, SessionTagRules.Combined tags,
            RequestPrincipal principal) {
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

    /** The actions the trust policy must allow: the assume action, TagSession with tags, SetSourceIdentity with one. */
    private static List<String> trustActions(FederationKind kind, FederatedPrincipal principal,
            SessionTagRules.Combined tags) {
        var actions = new java.util.ArrayList<String>(3);
        actions.add(kind.iamAction());
        if (!tags.tags().isEmpty()) {
            actions.add(TAG_SESSION);
        }
        if (principal.sourceIdentity() != null) {
            actions.add(SET_SOURCE_IDENTITY);
        }
        return actions;
    }

    /**
     * The verdict AssumeRoleWithWebIdentity or AssumeRoleWithSAML would reach for {@code principal}, every check of
     * the pipeline after the token's own, without minting, consuming anything or auditing: the explain endpoint's
     * engine half. Uses the same request building and trust evaluation as {@link #assumeRoleWithFederation}, and
     * keeps going after a failure so every problem is reported at once.
     */
    public TrustExplanation explainFederation(FederatedPrincipal principal, String roleArn, String roleSessionName,
            RequestInfo info) {
        var checks = new java.util.ArrayList<CheckResult>();
        var trust = new java.util.ArrayList<TrustExplanation.ActionTrust>();
        var role = directory.role(roleArn);
        if (role.isEmpty()) {
            checks.add(CheckResult.failed(CheckResult.ROLE_EXISTS, "role " + roleArn + " does not exist",
                    ErrorCode.ACCESS_DENIED));
            return new TrustExplanation(checks, trust);
        }
        checks.add(CheckResult.passed(CheckResult.ROLE_EXISTS, "role " + roleArn + " exists"));
        Role found = role.get();
        checks.add(principal.providerAccount().equals(found.accountId())
                ? CheckResult.passed(CheckResult.PROVIDER_ACCOUNT, "provider " + principal.providerArn()
                        + " is registered in the role's account")
                : CheckResult.failed(CheckResult.PROVIDER_ACCOUNT, "provider " + principal.providerArn()
                        + " is not registered in the role's account " + found.accountId(),
                        ErrorCode.INVALID_IDENTITY_TOKEN));
        checks.add(duration(principal, found));
        FederatedRequest request;
        try {
            request = federatedRequest(principal, found, roleSessionName, info);
        } catch (StsException e) {
            checks.add(CheckResult.failed(CheckResult.SESSION_TAGS, e.detail(), e.code()));
            return new TrustExplanation(checks, trust);
        }
        var actions = trustActions(principal.kind(), principal, request.tags());
        for (String action : List.of(principal.kind().iamAction(), TAG_SESSION, SET_SOURCE_IDENTITY)) {
            String check = CheckResult.trustCheckName(action);
            if (!actions.contains(action)) {
                checks.add(CheckResult.skipped(check, action.equals(TAG_SESSION) ? "the provider asserts no session tags"
                        : "the provider asserts no source identity"));
                continue;
            }
            var authorization = new AuthorizationRequest(request.principal(), action, found.arn(), request.context());
            Decision decision = evaluator.evaluateTrust(found.trustPolicy(), authorization);
            trust.add(new TrustExplanation.ActionTrust(action, decision,
                    evaluator.explainTrust(found.trustPolicy(), authorization)));
            checks.add(decision.allowed()
                    ? CheckResult.passed(check, action + " allowed by " + decision.deciding())
                    : CheckResult.failed(check, action + ": " + decision.outcome() + "; "
                            + String.join("; ", decision.reasons()), ErrorCode.ACCESS_DENIED));
        }
        return new TrustExplanation(checks, trust);
    }

    private static CheckResult duration(FederatedPrincipal principal, Role role) {
        try {
            int duration = roleDuration(null, role, false);
            String capped = "";
            if (principal.maxDurationSeconds() != null && principal.maxDurationSeconds() < duration) {
                duration = principal.maxDurationSeconds();
                capped = ", shortened by the provider";
            }
            return CheckResult.passed(CheckResult.DURATION, "a session without DurationSeconds lasts " + duration
                    + " s" + capped + "; the role allows up to " + role.maxSessionDuration() + " s");
        } catch (StsException e) {
            return CheckResult.failed(CheckResult.DURATION, e.getMessage(), e.code());
        }
    }

    private void requireTrust(FederationKind kind, Role role, RequestPrincipal principal, String action,
            RequestContext ctx) {
        Decision trust = evaluator.evaluateTrust(role.trustPolicy(),
                new AuthorizationRequest(principal, action, role.arn(), ctx));
        if (!trust.allowed()) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.TRUST_POLICY_DENIED, kind.notAuthorized(),
                    "trust policy, " + action + ": " + trust.outcome() + "; " + String.join("; ", trust.reasons()));
        }
    }
}
