package io.stsgate.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stsgate.directory.Directory;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.Outcome;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.RequestContext;

/**
 * Whether a verified caller may do what it asked of a downstream service, by AWS's evaluation logic: explicit deny
 * wins; the caller's identity policies cut by its session policies; the resource's own policies, enough alone within
 * its account and needed as well across accounts. The condition keys are the caller's (as for its STS calls:
 * {@code aws:PrincipalTag/*}, {@code aws:userid}, {@code aws:TokenIssueTime}, MFA, time, …) plus the service's own.
 * No I/O: policies come from the in-memory directory snapshot. Thread-safe.
 */
public final class AccessEvaluator {

    /**
     * The {@code aws:} keys a service may supply: facts about the request and the resource it alone knows. Every other
     * {@code aws:} key describes the caller or the clock and comes from the session, so a service cannot forge a
     * principal tag or an MFA age.
     */
    private static final List<String> SERVICE_AWS_PREFIXES = List.of("aws:requesttag/", "aws:resourcetag/");
    private static final List<String> SERVICE_AWS_KEYS = List.of("aws:tagkeys", "aws:referer");

    private final CallerPermissions permissions;
    private final PolicyEvaluator evaluator;
    private final ConditionKeys conditionKeys;

    public AccessEvaluator(Directory directory, PolicyEvaluator evaluator, Clock clock) {
        this.permissions = new CallerPermissions(directory, evaluator, new SessionPolicies(directory));
        this.evaluator = evaluator;
        this.conditionKeys = new ConditionKeys(directory, clock);
    }

    /** Why a service may not send {@code key}, or empty when it may. */
    public static Optional<String> serviceKeyProblem(String key) {
        if (key == null || key.isBlank() || key.length() > 256) {
            return Optional.of("a context key must be 1 to 256 characters");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("aws:") || SERVICE_AWS_KEYS.contains(lower)
                || SERVICE_AWS_PREFIXES.stream().anyMatch(lower::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("context key " + key + " describes the caller or the request and comes from the verified"
                + " session; a service may set only service keys, aws:RequestTag/*, aws:ResourceTag/*, aws:TagKeys"
                + " and aws:Referer");
    }

    /**
     * The decision for {@code question}; {@code info} carries the client's address and transport as the service saw
     * them, and the region the request was signed for. Throws {@link StsException#validation} for a context key the
     * service may not set.
     */
    public Decision decide(Caller caller, AccessQuestion question, RequestInfo info) {
        for (String key : question.contextKeys().keySet()) {
            Optional<String> problem = serviceKeyProblem(key);
            if (problem.isPresent()) {
                throw StsException.validation(problem.get());
            }
        }
        RequestContext.Builder context = conditionKeys.forCaller(caller, info);
        for (Map.Entry<String, List<String>> key : question.contextKeys().entrySet()) {
            context.putAll(key.getKey(), key.getValue());
        }
        var request = new AuthorizationRequest(CallerAuthorization.principalOf(caller), question.action(), question.resource(),
                context.build());
        CallerPermissions.CallerPolicies policies = permissions.policies(caller);
        Decision decision = evaluator.evaluateWithResource(policies.identity(), policies.session(),
                question.resourcePolicies(), sameAccount(caller, question), request);
        if (policies.unusable() != null && !decision.allowed() && decision.outcome() == Outcome.IMPLICIT_DENY) {
            var reasons = new ArrayList<String>(decision.reasons().size() + 1);
            reasons.add(policies.unusable());
            reasons.addAll(decision.reasons());
            return new Decision(decision.outcome(), decision.deciding(), reasons);
        }
        return decision;
    }

    /** The resource's account: the one given, else the ARN's (S3 ARNs have none), else the caller's. */
    static boolean sameAccount(Caller caller, AccessQuestion question) {
        String account = question.resourceAccount();
        if (account == null) {
            String[] parts = question.resource().split(":", 6);
            account = parts.length == 6 && parts[4].length() == 12 ? parts[4] : caller.accountId();
        }
        return account.equals(caller.accountId());
    }
}
