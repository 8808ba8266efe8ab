package io.stsgate.api.query;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.ErrorCode;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An HTTP/1.1 request without a Host header is refused by the router before any endpoint sees it; left to the
 * framework it would get a JSON 400 with a stack trace and an ERROR log line. It gets AWS's error envelope instead,
 * and one audit event, like any other malformed Query request. (HTTP/1.0 does not require Host and is served.)
 */
@Singleton
public class MissingHostAnswer {

    private final AuditSink audit;
    private final Clock clock;

    public MissingHostAnswer(AuditSink audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void register(@Observes Router router) {
        // First among the failure handlers, ahead of Quarkus' own error page.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        var request = context.request();
        if (context.statusCode() != 400 || request.version() == HttpVersion.HTTP_1_0 || request.authority() != null
                || context.response().headWritten()) {
            context.next();
            return;
        }
        String requestId = UUID.randomUUID().toString();
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        var draft = new AuditDraft(requestId, remote, request.getHeader("User-Agent"));
        String message = "The request must contain the header Host.";
        audit.record(draft.failure(clock.instant(), ReasonCode.HOST_MISSING, ErrorCode.MISSING_PARAMETER.wireCode(),
                message));
        context.response().setStatusCode(ErrorCode.MISSING_PARAMETER.httpStatus())
                .putHeader("Content-Type", "text/xml")
                .putHeader("x-amzn-RequestId", requestId)
                .putHeader("Connection", "close")
                .end(XmlResponse.error(ErrorCode.MISSING_PARAMETER, message, requestId));
    }
}
