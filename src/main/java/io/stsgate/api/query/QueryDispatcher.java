package io.stsgate.api.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.ReasonCode;
import io.stsgate.config.StsgateConfig;
import io.stsgate.engine.Caller;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StoreCalls;
import io.stsgate.engine.StsException;
import io.stsgate.engine.Throttle;
import io.stsgate.engine.ThrottleGroup;
import io.stsgate.engine.ThrottleVerdict;
import io.stsgate.identity.sigv4.SignedRequest;

/**
 * The Query protocol pipeline: size limit, parameters, action, signature, throttling, handler, response. Every exit
 * writes one metric sample and one audit event (throttled requests: a bounded sample), and every error is AWS's
 * envelope with its code and status.
 */
@ApplicationScoped
public class QueryDispatcher {

    static final String VERSION = "2011-06-15";
    private static final Logger LOG = Logger.getLogger(QueryDispatcher.class);

    private final Map<String, ActionHandler> handlers;
    private final SignedCallAuthenticator authenticator;
    private final Throttle throttle;
    private final AuditSink audit;
    private final MeterRegistry metrics;
    private final StsgateConfig config;
    private final Clock clock;
    private final StoreCalls storeCalls;

    @Inject
    public QueryDispatcher(Instance<ActionHandler> handlers, SignedCallAuthenticator authenticator, Throttle throttle,
            AuditSink audit, MeterRegistry metrics, StsgateConfig config, Clock clock, StoreCalls storeCalls) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ActionHandler::action,
                Function.identity()));
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.storeCalls = storeCalls;
    }

    /** The response to send: status and XML body, and the request id for the header. */
    public record Reply(int status, String body, String requestId) {
    }

    Uni<Reply> dispatch(QueryRequest request) {
        String requestId = UUID.randomUUID().toString();
        var draft = new AuditDraft(requestId, request.remoteAddress(), request.userAgent());
        Timer.Sample timer = Timer.start(metrics);
        try {
            if (request.body().length > config.limits().maxBodyBytes()) {
                throw new StsException(ErrorCode.REQUEST_ENTITY_TOO_LARGE, ReasonCode.BODY_TOO_LARGE,
                        "Request body must be at most " + config.limits().maxBodyBytes() + " bytes.");
            }
            var params = QueryParameters.parse(request.rawQuery(), formBody(request));
            var handler = handler(params);
            draft.action(handler.action());
            Caller caller = handler.signed() ? authenticator.authenticate(signed(request), handler.action(), draft) : null;
            // Unsigned actions count per source address; signed ones per access key id, and only once the signature
            // verified: naming someone's access key id in a bad request does not spend their budget.
            var group = ThrottleGroup.ofAction(handler.action());
            if (group.isPresent()) {
                String key = caller == null ? request.remoteAddress() : caller.accessKeyId();
                if (throttle.admit(group.get(), key) instanceof ThrottleVerdict.Throttled throttled) {
                    return Uni.createFrom().item(throttled(timer, handler.action(), draft, throttled));
                }
            }
            var info = new RequestInfo(requestId, request.remoteAddress(), request.userAgent(), request.secure(),
                    null);
            Uni<String> result = handler.needsStore(params)
                    // Off the event loop, bounded: a slow store holds a store thread, never this loop.
                    ? Uni.createFrom().completionStage(() -> storeCalls.submit(
                            () -> handler.handle(caller, params, info, draft).await().indefinitely()))
                    : handler.handle(caller, params, info, draft);
            return result
                    .map(xml -> succeeded(timer, handler.action(), draft, xml))
                    .onFailure().recoverWithItem(e -> failed(timer, handler.action(), draft, e));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failed(timer, draft.action() == null ? "unknown" : draft.action(), draft, e));
        }
    }

    private Reply succeeded(Timer.Sample timer, String action, AuditDraft draft, String xml) {
        audit.record(draft.success(clock.instant(), ReasonCode.ISSUED));
        return finish(timer, action, "success", new Reply(200, xml, draft.requestId()));
    }

    /** AWS's Throttling error; only the sampled few are audited, all are counted. */
    private Reply throttled(Timer.Sample timer, String action, AuditDraft draft, ThrottleVerdict.Throttled verdict) {
        StsException e = verdict.error();
        if (verdict.audited()) {
            audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
        }
        return finish(timer, action, e.code().wireCode(), new Reply(e.code().httpStatus(),
                XmlResponse.error(e.code(), e.getMessage(), draft.requestId()), draft.requestId()));
    }

    /** The one place a failure becomes AWS's error envelope, an audit event and a metric. */
    private Reply failed(Timer.Sample timer, String action, AuditDraft draft, Throwable failure) {
        String requestId = draft.requestId();
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof StsException e) {
            LOG.debugf("request %s refused: %s %s", requestId, e.code().wireCode(), e.reason());
            audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
            return finish(timer, action, e.code().wireCode(),
                    new Reply(e.code().httpStatus(), XmlResponse.error(e.code(), e.getMessage(), requestId),
                            requestId));
        }
        LOG.errorf(failure, "request %s failed inside stsgate", requestId);
        audit.record(draft.failure(clock.instant(), ReasonCode.INTERNAL_ERROR, ErrorCode.INTERNAL_FAILURE.wireCode(),
                failure.getClass().getName()));
        return finish(timer, action, ErrorCode.INTERNAL_FAILURE.wireCode(),
                new Reply(500, XmlResponse.error(ErrorCode.INTERNAL_FAILURE,
                        "An internal error occurred. Request id " + requestId + ".", requestId), requestId));
    }

    private ActionHandler handler(QueryParameters params) {
        String action = params.value("Action");
        if (action == null || action.isEmpty()) {
            throw new StsException(ErrorCode.MISSING_ACTION, ReasonCode.UNKNOWN_ACTION,
                    "The request must contain the parameter Action.");
        }
        String version = params.value("Version");
        if (version == null) {
            throw new StsException(ErrorCode.MISSING_PARAMETER, ReasonCode.INVALID_PARAMETER,
                    "The request must contain the parameter Version.");
        }
        var handler = handlers.get(action);
        if (handler == null || !VERSION.equals(version)) {
            throw new StsException(ErrorCode.INVALID_ACTION, ReasonCode.UNKNOWN_ACTION,
                    "Could not find operation " + truncated(action) + " for version " + truncated(version));
        }
        return handler;
    }

    private static String formBody(QueryRequest request) {
        if (request.body().length == 0) {
            return null;
        }
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                    "Request body must be application/x-www-form-urlencoded.");
        }
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static SignedRequest signed(QueryRequest request) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                request.body());
    }

    private Reply finish(Timer.Sample timer, String action, String outcome, Reply reply) {
        timer.stop(metrics.timer("stsgate.requests", "action", action, "outcome", outcome));
        return reply;
    }

    private static String truncated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
