package io.stsgate.engine;

import java.time.Instant;
import java.util.List;

import io.stsgate.audit.AuditDraft;

/**
 * A federated principal (from a web identity token, a SAML assertion or a workload's platform credentials) assuming a
 * role, once its proof passed its own checks: {@link FederatedChecks} in their one order, then minting. Explain runs
 * the same checks, collecting every one instead of stopping at the first refusal.
 */
public final class FederatedAssumption {

    private final FederatedChecks checks;
    private final SessionIssuance issuance;

    FederatedAssumption(FederatedChecks checks, SessionIssuance issuance) {
        this.checks = checks;
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
    public IssuedSession assumeRoleWithFederation(FederatedPrincipal principal, List<SessionTag> tagsIfTrusted,
            FederatedAssumeCommand cmd, RequestInfo info, AuditDraft audit) {
        audit.principal(principal.providerArn()).subject(principal.subject()).issuer(principal.issuer())
                .role(cmd.roleArn()).sessionName(cmd.roleSessionName());
        var passed = checks.run(principal, tagsIfTrusted, cmd, info, audit, CheckMode.ISSUE);
        Instant now = issuance.now();
        var session = passed.principal();
        var draft = SessionDrafts.assumedRole(passed.role(), cmd.roleSessionName(), now, passed.duration())
                .sourceIdentity(session.sourceIdentity()).tags(passed.tags())
                .sessionPolicies(cmd.policy(), cmd.policyArns())
                .federated(session.providerArn(), session.subject()).build();
        return issuance.issue(draft, passed.packedPolicySize(), audit);
    }

    /**
     * The verdict AssumeRoleWithWebIdentity or AssumeRoleWithSAML would reach for {@code principal} asking
     * {@code cmd}, every check after the proof's own, without minting, consuming anything or auditing: the explain
     * endpoint's engine half. Runs the very checks of {@link #assumeRoleWithFederation}, in their order, and keeps
     * going after a refusal so every problem is reported at once; its first failed check is the refusal issuance
     * answers.
     */
    public TrustExplanation explainFederation(FederatedPrincipal principal, FederatedAssumeCommand cmd,
            RequestInfo info) {
        var mode = new CheckMode.Explaining();
        checks.run(principal, List.of(), cmd, info, new AuditDraft(info.requestId(), null, null), mode);
        return mode.explanation();
    }
}
