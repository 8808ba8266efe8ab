package io.stsgate.api.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Writes one JSON line per committed admin change on the {@code stsgate.admin} log category: who (the token's
 * principal), the HTTP method, what changed and its new version. Built from {@link AdminChange} only, so a body, a
 * secret or a seed cannot reach the log by way of this class.
 */
@ApplicationScoped
class AdminChangeLog {

    private static final Logger LOG = Logger.getLogger("stsgate.admin");
    private static final JsonMapper JSON = new JsonMapper();

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    /** Call after the commit: a refused or rolled-back change is not a change. */
    void committed(List<AdminChange> changes) {
        if (changes.isEmpty() || !LOG.isInfoEnabled()) {
            return;
        }
        String principal = identity.getPrincipal().getName();
        String method = request.method().name();
        for (AdminChange change : changes) {
            ObjectNode line = JSON.createObjectNode().put("principal", principal).put("method", method)
                    .put("action", change.action()).put("kind", change.kind()).put("key", change.key());
            if (change.accountId() != null) {
                line.put("accountId", change.accountId());
            }
            if (change.version() != null) {
                line.put("version", change.version());
            }
            LOG.info(line.toString());
        }
    }
}
