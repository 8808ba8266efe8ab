package io.stsgate.api.authz;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.stsgate.access.SignedCallers;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.ReasonCode;
import io.stsgate.config.StsgateConfig;
import io.stsgate.engine.AccessEvaluator;
import io.stsgate.engine.AccessQuestion;
import io.stsgate.engine.Caller;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.SessionContext;
import io.stsgate.engine.SessionKind;
import io.stsgate.engine.StsException;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.identity.sigv4.SignedRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.Outcome;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;
import io.stsgate.policy.StatementRef;

/**
 * The decision pipeline: check the question, verify the signed request for the service it names, resolve the caller
 * (shared with the Query API), evaluate each action/resource pair, audit every decision. In memory only (keys,
 * sessions, revocations and policies), so it runs on the event loop. A malformed question throws {@link StsException};
 * a request that authenticates nobody is an answer, not an exception.
 */
@ApplicationScoped
public class DecisionService {

    private final Map<String, SigV4Verifier> verifiers = new TreeMap<>();
    private final SignedCallers callers;
    private final AccessEvaluator evaluator;
    private final AuditSink audit;
    private final StsgateConfig config;
    private final Clock clock;
    private final AtomicLong allows = new AtomicLong();

    @Inject
    public DecisionService(SignedCallers callers, AccessEvaluator evaluator, AuditSink audit, StsgateConfig config,
            Clock clock) {
        this.callers = callers;
        this.evaluator = evaluator;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        for (String service : config.authz().services()) {
            verifiers.put(service, new SigV4Verifier(clock, config.sigv4().allowedSkew(), service));
        }
    }

    DecisionResponse decide(DecisionRequest question, String requestId) {
        var received = validate(question);
        List<AccessQuestion> asked = new ArrayList<>(question.questions().size());
        for (DecisionRequest.Question q : question.questions()) {
            asked.add(new AccessQuestion(q.action(), q.resource(), q.resourceAccount(), resourcePolicies(q),
                    q.context()));
        }
        return decide(received, new Expectation(question.service(), question.region(), question.sourceIp(),
                Boolean.TRUE.equals(question.secureTransport())), asked, requestId);
    }

    /**
     * What the service expects of the signed request and knows of its client.
     *
     * @param service on the allow-list (checked by the caller)
     * @param region the region, or null for any
     */
    record Expectation(String service, String region, String sourceIp, boolean secureTransport) {
    }

    /** Whether the decision API accepts requests signed for {@code service}. */
    boolean accepts(String service) {
        return verifiers.containsKey(service);
    }

    /**
     * The decision for questions a face has already built (the nginx face maps plain requests itself). With no
     * question, only authenticates: the face denies what it could not map, after the signature proved who asks.
     */
    DecisionResponse decide(DecisionRequest.ReceivedRequest received, Expectation expected,
            List<AccessQuestion> questions, String requestId) {
        SigV4Verifier verifier = verifiers.get(expected.service());
        byte[] body = decodeBody(received.body());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        received.headers().forEach((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(values == null ? List.of() : values));
        boolean presigned = received.query() != null && received.query().contains("X-Amz-Signature=");
        PayloadHash payload = PayloadHash.of(expected.service(), headers.getOrDefault(PayloadHash.HEADER, List.of()),
                presigned, body, received.bodySha256());
        var signed = new SignedRequest(received.method(), received.path(), received.query(), headers,
                body == null ? new byte[0] : body, payload.hash());
        String firstAction = questions.isEmpty() ? expected.service() + ":*" : questions.get(0).action();
        String userAgent = first(headers.get("user-agent"));

        var authentication = callers.authenticate(signed, verifier, firstAction);
        if (authentication instanceof SignedCallers.Authentication.Refused refused) {
            return refusal(requestId, expected, firstAction, refused, userAgent);
        }
        var ok = (SignedCallers.Authentication.Authenticated) authentication;
        if (expected.region() != null && !expected.region().equals(ok.region())) {
            StsException wrongRegion = new StsException(ErrorCode.SIGNATURE_DOES_NOT_MATCH, ReasonCode.SIGNATURE_INVALID,
                    "Credential should be scoped to a valid region. ", "signed for region " + ok.region()
                            + ", the service expects " + expected.region());
            return refusal(requestId, expected, firstAction, new SignedCallers.Authentication.Refused(wrongRegion,
                    ok.caller()), userAgent);
        }
        Caller caller = ok.caller();
        var info = new RequestInfo(requestId, expected.sourceIp(), userAgent, expected.secureTransport(),
                ok.region());
        List<DecisionResponse.Answer> answers = new ArrayList<>(questions.size());
        boolean allAllowed = true;
        for (AccessQuestion q : questions) {
            Decision decision = evaluator.decide(caller, q, info);
            allAllowed &= decision.allowed();
            answers.add(answer(q, decision));
            audit(requestId, expected, caller, userAgent, q, decision);
        }
        return new DecisionResponse(requestId, true, principal(caller), answers, allAllowed ? cacheSeconds(caller) : 0,
                payload.mode(), null);
    }

    /** Audits the denial of a request no mapping knows, asked by an authenticated caller. */
    void auditUnmapped(String requestId, Expectation expected, DecisionResponse.Principal principal, String userAgent,
            String reason) {
        var draft = new AuditDraft(requestId, expected.sourceIp(), userAgent).action(expected.service() + ":*")
                .principal(principal.arn());
        audit.record(draft.failure(clock.instant(), ReasonCode.DECISION_IMPLICIT_DENY,
                ErrorCode.ACCESS_DENIED.wireCode(), reason));
    }

    private DecisionRequest.ReceivedRequest validate(DecisionRequest question) {
        if (question == null || question.request() == null) {
            throw StsException.validation("The decision request needs the received request (request).");
        }
        var received = question.request();
        if (received.method() == null || received.method().isBlank() || received.path() == null
                || received.headers() == null) {
            throw StsException.validation("request.method, request.path and request.headers are required.");
        }
        if (received.body() != null && received.bodySha256() != null) {
            throw StsException.validation("Send request.body or request.bodySha256, not both.");
        }
        if (question.service() == null || !verifiers.containsKey(question.service())) {
            throw StsException.validation("service must be one of " + verifiers.keySet()
                    + " (stsgate.authz.services).");
        }
        if (question.questions() == null || question.questions().isEmpty()
                || question.questions().size() > config.authz().maxQuestions()) {
            throw StsException.validation("questions must hold 1 to " + config.authz().maxQuestions()
                    + " action/resource pairs.");
        }
        for (DecisionRequest.Question q : question.questions()) {
            if (q == null || q.action() == null || q.action().isBlank() || q.resource() == null
                    || q.resource().isBlank()) {
                throw StsException.validation("Every question needs an action and a resource.");
            }
            if (q.context() != null) {
                q.context().forEach((key, values) -> {
                    AccessEvaluator.serviceKeyProblem(key).ifPresent(p -> {
                        throw StsException.validation(p);
                    });
                    if (values == null || values.stream().anyMatch(v -> v == null)) {
                        throw StsException.validation("context key " + key + " needs a list of string values");
                    }
                });
            }
        }
        return received;
    }

    private static byte[] decodeBody(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw StsException.validation("request.body must be base64.");
        }
    }

    private static List<NamedPolicy> resourcePolicies(DecisionRequest.Question q) {
        if (q.resourcePolicies() == null) {
            return List.of();
        }
        List<NamedPolicy> policies = new ArrayList<>(q.resourcePolicies().size());
        for (int i = 0; i < q.resourcePolicies().size(); i++) {
            JsonNode node = q.resourcePolicies().get(i);
            String name = "resource policy " + (i + 1);
            try {
                policies.add(new NamedPolicy(name, PolicyParser.parse(node == null ? "null" : node.toString())));
            } catch (PolicyParseException e) {
                throw new StsException(ErrorCode.MALFORMED_POLICY_DOCUMENT, ReasonCode.MALFORMED_POLICY,
                        name + " of " + q.action() + " is not a valid policy: " + e.getMessage());
            }
        }
        return policies;
    }

    private DecisionResponse refusal(String requestId, Expectation expected, String action,
            SignedCallers.Authentication.Refused refused, String userAgent) {
        StsException e = refused.error();
        var draft = new AuditDraft(requestId, expected.sourceIp(), userAgent).action(action);
        if (refused.caller() != null) {
            draft.principal(refused.caller().arn());
        }
        audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
        return new DecisionResponse(requestId, false, null, List.of(), 0, null,
                new DecisionResponse.AwsError(e.code().wireCode(), e.getMessage(), e.code().httpStatus()));
    }

    private void audit(String requestId, Expectation expected, Caller caller, String userAgent, AccessQuestion q,
            Decision decision) {
        var draft = new AuditDraft(requestId, expected.sourceIp(), userAgent).action(q.action())
                .principal(caller.arn());
        if (caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.ASSUMED_ROLE) {
            draft.role(s.session().sourceArn());
        }
        String detail = "resource " + q.resource() + "; " + String.join("; ", decision.allowed()
                ? decision.deciding().stream().map(StatementRef::toString).toList()
                : decision.reasons());
        if (decision.allowed()) {
            // Allows may be sampled (stsgate.authz.audit-allow-every); denials never are.
            if (allows.getAndIncrement() % Math.max(1, config.authz().auditAllowEvery()) == 0) {
                audit.record(draft.success(clock.instant(), ReasonCode.DECISION_ALLOWED, detail));
            }
            return;
        }
        ReasonCode reason = decision.outcome() == Outcome.EXPLICIT_DENY
                ? ReasonCode.DECISION_EXPLICIT_DENY
                : ReasonCode.DECISION_IMPLICIT_DENY;
        audit.record(draft.failure(clock.instant(), reason, ErrorCode.ACCESS_DENIED.wireCode(), detail));
    }

    private static DecisionResponse.Answer answer(AccessQuestion q, Decision decision) {
        String reason = switch (decision.outcome()) {
            case ALLOW -> "allowed by " + decision.deciding().get(0);
            case EXPLICIT_DENY -> decision.reasons().isEmpty() ? "explicitly denied" : decision.reasons().get(0);
            case IMPLICIT_DENY -> decision.reasons().isEmpty() ? "no statement allows " + q.action()
                    : decision.reasons().get(0);
        };
        return new DecisionResponse.Answer(q.action(), q.resource(), decision.allowed(), decision.outcome().name(),
                reason, decision.deciding().stream().map(StatementRef::toString).toList(), decision.reasons());
    }

    private static DecisionResponse.Principal principal(Caller caller) {
        if (caller instanceof Caller.UserCaller u) {
            return new DecisionResponse.Principal(u.arn(), u.accountId(), u.user().userId(), "User", u.accessKeyId(),
                    null, null, null);
        }
        SessionContext s = ((Caller.SessionCaller) caller).session();
        Map<String, String> tags = new LinkedHashMap<>();
        s.tags().forEach(t -> tags.put(t.key(), t.value()));
        String type = switch (s.kind()) {
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case USER_SESSION -> "User";
        };
        return new DecisionResponse.Principal(s.arn(), s.accountId(), s.principalId(), type, s.accessKeyId(), tags,
                s.sourceIdentity(), s.expiresAt());
    }

    /** The configured maximum, never beyond the credential's expiry. */
    private long cacheSeconds(Caller caller) {
        Duration max = config.authz().maxCacheAge();
        if (caller instanceof Caller.SessionCaller s) {
            Duration left = Duration.between(clock.instant(), s.session().expiresAt());
            max = left.compareTo(max) < 0 ? left : max;
        }
        return Math.max(0, max.getSeconds());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
