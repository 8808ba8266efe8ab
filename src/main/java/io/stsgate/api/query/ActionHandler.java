package io.stsgate.api.query;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.RequestInfo;

/** One STS action: reads its parameters, calls the engine and writes the XML result. */
public interface ActionHandler {

    String action();

    /** Whether the action needs a SigV4 signature (AssumeRoleWith* are unsigned). */
    default boolean signed() {
        return true;
    }

    /**
     * Whether this request needs the shared store (MFA code use, SAML replay, …). Such requests run on a store thread
     * with a bounded wait (see {@link io.stsgate.engine.StoreCalls}); all others stay on the event loop.
     */
    default boolean needsStore(QueryParameters params) {
        return false;
    }

    /**
     * The XML result. Signed actions answer at once; federated ones may wait for an identity provider's keys.
     *
     * @param caller the verified caller, or null for unsigned actions
     */
    Uni<String> handle(Caller caller, QueryParameters params, RequestInfo info, AuditDraft audit);
}
