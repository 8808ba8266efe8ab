package io.stsgate.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.AccessKeyIds;
import io.stsgate.directory.Arns;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.directory.User;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.RequestContext;
import io.stsgate.policy.RequestPrincipal;

/**
 * The internal STS engine for signed calls. Each action is a linear pipeline of checks that return early with one
 * error: caller restrictions, lookup, durations, session policies and tags, MFA, the caller's own permission, the
 * role's trust policy, then minting. Independent of the wire format.
 */
public final class TokenService {

    static final int DEFAULT_ROLE_DURATION = 3600;
    static final int CHAINING_LIMIT = 3600;
    static final int DEFAULT_USER_SESSION_DURATION = 43200;
    static final String TAG_SESSION = "sts:TagSession";
    static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";

    private final Directory directory;
    private final PolicyEvaluator evaluator;
    private final CallerPermissions permissions;
    private final SessionPolicies sessionPolicies;
    private final ConditionKeys conditionKeys;
    private final MfaCheck mfa;
    private final CredentialMint mint;
    private final AuthorizationMessages authorizationMessages;
    private final Clock clock;

    public TokenService(Directory directory, PolicyEvaluator evaluator, io.stsgate.directory.MfaUsage mfaUsage,
            io.stsgate.directory.MfaFailures mfaFailures, io.stsgate.directory.MfaLockout mfaLockout,
            CredentialMint mint, AuthorizationMessages authorizationMessages, Clock clock) {
        this.directory = directory;
        this.evaluator = evaluator;
        this.sessionPolicies = new SessionPolicies(directory);
        this.permissions = new CallerPermissions(directory, evaluator, sessionPolicies);
        this.conditionKeys = new ConditionKeys(directory, clock);
        this.mfa = new MfaCheck(directory, mfaUsage, mfaFailures, mfaLockout, clock);
        this.mint = mint;
        this.authorizationMessages = authorizationMessages;
        this.clock = clock;
    }

    /**
     * A role that does not exist is refused like one whose trust policy denies: the caller's own permission is
     * checked first in both cases, and only then the role, so the answer tells nothing about other accounts. Role
     * limits (duration) and session policies are looked at only once the caller is allowed.
     */
    public IssuedSession assumeRole(Caller caller, AssumeRoleCommand cmd, RequestInfo info, AuditDraft audit) {
        audit.principal(caller.arn()).role(cmd.roleArn()).sessionName(cmd.roleSessionName());
        refuseFederatedUsers(caller, "sts:AssumeRole");
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
            requireCallerPermission(caller, "sts:AssumeRole", cmd.roleArn(), ctx);
            throw roleRefused(caller, "sts:AssumeRole", cmd.roleArn(), ReasonCode.ROLE_NOT_FOUND,
                    "role " + cmd.roleArn() + " does not exist");
        }
        Role role = found.get();
        authorize(caller, "sts:AssumeRole", role, ctx);
        if (!tags.tags().isEmpty()) {
            authorize(caller, "sts:TagSession", role, ctx);
        }
        if (cmd.sourceIdentity() != null) {
            authorize(caller, "sts:SetSourceIdentity", role, ctx);
        }
        int duration = roleDuration(cmd.durationSeconds(), role, chained);
        audit.duration(duration);
        sessionPolicies.validate(cmd.policy(), cmd.policyArns(), role.accountId());
        Integer packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), cmd.tags());

        Instant now = now();
        var draft = new SessionContext(SessionKind.ASSUMED_ROLE, null, null, role.accountId(),
                Arns.assumedRole(role.accountId(), role.name(), cmd.roleSessionName()), role.arn(),
                role.roleId() + ":" + cmd.roleSessionName(), cmd.roleSessionName(), now, now.plusSeconds(duration),
                mfaAt, sourceIdentity, tags.tags(), tags.transitiveKeys(), cmd.policy(), cmd.policyArns(), chained,
                inheritedSession == null ? null : inheritedSession.federatedProvider(),
                inheritedSession == null ? null : inheritedSession.federatedSubject(), originOf(caller),
                role.roleId());
        return issue(draft, packed, audit);
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
        Instant now = now();
        var draft = new SessionContext(SessionKind.ASSUMED_ROLE, null, null, role.accountId(),
                Arns.assumedRole(role.accountId(), role.name(), cmd.roleSessionName()), role.arn(),
                role.roleId() + ":" + cmd.roleSessionName(), cmd.roleSessionName(), now, now.plusSeconds(duration),
                null, principal.sourceIdentity(), tags.tags(), tags.transitiveKeys(), cmd.policy(), cmd.policyArns(),
                false, principal.providerArn(), principal.subject(), null, role.roleId());
        return issue(draft, packed, audit);
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
        Instant now = now();
        var draft = new SessionContext(SessionKind.USER_SESSION, null, null, user.accountId(), user.arn(),
                user.arn(), user.user().userId(), null, now, now.plusSeconds(duration), mfaAt, null, List.of(),
                Set.of(), null, List.of(), false, null, null, user.arn(), user.user().userId());
        return issue(draft, null, audit);
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
        requireCallerPermission(caller, "sts:GetFederationToken", federatedArn, ctx);
        if (!tags.tags().isEmpty()) {
            requireCallerPermission(caller, "sts:TagSession", federatedArn, ctx);
        }
        sessionPolicies.validate(cmd.policy(), cmd.policyArns(), user.accountId());
        Integer packed = sessionPolicies.packedSize(cmd.policy(), cmd.policyArns(), cmd.tags());
        Instant now = now();
        var draft = new SessionContext(SessionKind.FEDERATED_USER, null, null, user.accountId(), federatedArn,
                user.arn(), user.accountId() + ":" + cmd.name(), cmd.name(), now, now.plusSeconds(duration), null,
                null, tags.tags(), Set.of(), cmd.policy(), cmd.policyArns(), false, null, null, user.arn(),
                user.user().userId());
        return issue(draft, packed, audit);
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
                    notAuthorized(caller, "sts:DecodeAuthorizationMessage", "*"));
        }
        requireCallerPermission(caller, "sts:DecodeAuthorizationMessage", "*",
                conditionKeys.forCaller(caller, info).build());
        return authorizationMessages.decode(encodedMessage);
    }

    private IssuedSession issue(SessionContext draft, Integer packed, AuditDraft audit) {
        var minted = mint.mint(draft);
        audit.issued(minted.credentials().accessKeyId());
        return new IssuedSession(minted.credentials(), minted.session(), packed);
    }

    /**
     * Both the caller's own permissions and the role's trust policy must allow the action. A trust policy of the
     * caller's own account is explained in the encoded message; another account's is not, so its denial reads like a
     * role that does not exist.
     */
    private void authorize(Caller caller, String action, Role role, RequestContext ctx) {
        requireCallerPermission(caller, action, role.arn(), ctx);
        var request = new AuthorizationRequest(principalOf(caller), action, role.arn(), ctx);
        Decision trust = evaluator.evaluateTrust(role.trustPolicy(), request);
        if (!trust.allowed()) {
            if (role.accountId().equals(caller.accountId())) {
                throw denied(caller, action, role.arn(), trust, ReasonCode.TRUST_POLICY_DENIED);
            }
            throw roleRefused(caller, action, role.arn(), ReasonCode.TRUST_POLICY_DENIED, "trust policy: "
                    + trust.outcome() + "; " + String.join("; ", trust.reasons()));
        }
    }

    /** A missing role, or another account's trust policy: the same answer, the difference kept for the audit. */
    private StsException roleRefused(Caller caller, String action, String resource, ReasonCode reason,
            String detail) {
        String encoded = authorizationMessages.encodeWithoutReasons(caller.arn(), action, resource);
        return new StsException(ErrorCode.ACCESS_DENIED, reason,
                notAuthorized(caller, action, resource) + " Encoded authorization failure message: " + encoded,
                detail);
    }

    private void requireCallerPermission(Caller caller, String action, String resource, RequestContext ctx) {
        Decision own = permissions.evaluate(caller, action, resource, ctx);
        if (!own.allowed()) {
            throw denied(caller, action, resource, own, ReasonCode.CALLER_NOT_PERMITTED);
        }
    }

    private StsException denied(Caller caller, String action, String resource, Decision decision,
            ReasonCode reason) {
        String encoded = authorizationMessages.encode(decision, caller.arn(), action, resource);
        String detail = (reason == ReasonCode.TRUST_POLICY_DENIED ? "trust policy: " : "caller's policies: ")
                + decision.outcome() + "; " + String.join("; ", decision.reasons());
        return new StsException(ErrorCode.ACCESS_DENIED, reason,
                notAuthorized(caller, action, resource) + " Encoded authorization failure message: " + encoded,
                detail);
    }

    private static String notAuthorized(Caller caller, String action, String resource) {
        return "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource;
    }

    private static void refuseFederatedUsers(Caller caller, String action) {
        if (caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.FEDERATED_USER) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.CALLER_TYPE_NOT_ALLOWED,
                    notAuthorized(caller, action, "*"), "federated-user sessions may only call GetCallerIdentity");
        }
    }

    private static int roleDuration(Integer requested, Role role, boolean chained) {
        int duration = requested == null ? DEFAULT_ROLE_DURATION : requested;
        if (duration > role.maxSessionDuration()) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (chained && duration > CHAINING_LIMIT) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.DURATION_EXCEEDS_CHAINING_LIMIT,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role "
                            + "chaining.");
        }
        return duration;
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

    /** The caller as Principal elements see it: its ARN, a role session also as its role, its account. */
    static RequestPrincipal principalOf(Caller caller) {
        List<String> also = caller instanceof Caller.SessionCaller s
                && s.session().kind() == SessionKind.ASSUMED_ROLE ? List.of(s.session().sourceArn()) : List.of();
        return new RequestPrincipal("AWS", caller.arn(), caller.accountId(), also);
    }

    private static void requestTags(RequestContext.Builder context, List<SessionTag> tags, Set<String> transitive) {
        for (var tag : tags) {
            context.put("aws:RequestTag/" + tag.key(), tag.value());
        }
        if (!tags.isEmpty()) {
            context.putAll("aws:TagKeys", tags.stream().map(SessionTag::key).toList());
        }
        if (!transitive.isEmpty()) {
            context.putAll("sts:TransitiveTagKeys", List.copyOf(transitive));
        }
    }

    private static LinkedHashMap<String, String> tagMap(List<SessionTag> tags) {
        var map = new LinkedHashMap<String, String>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
