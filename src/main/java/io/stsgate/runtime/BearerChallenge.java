package io.stsgate.runtime;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.stsgate.api.admin.AdminError;
import io.stsgate.api.admin.AdminErrorCode;
import io.stsgate.identity.oidc.BearerTokenFault;
import io.vertx.ext.web.RoutingContext;

/**
 * The 401 of the admin API ({@code /admin}) and the decision API ({@code /authz}) says why, in the admin API's error
 * JSON, with an RFC 6750 {@code WWW-Authenticate} header: not configured, no token, an invalid, expired or
 * other-audience token. quarkus-oidc refuses before JAX-RS runs, and every refusal (no identity on a protected path, a
 * token that fails verification) ends in the mechanism's {@code sendChallenge}; decorating it is the one place that
 * sees them all, with the failure Quarkus keeps on the request. Other paths keep the mechanism's own challenge. The
 * body and the log name the reason only, never the token or jose4j's message (which quotes the claims).
 */
@Decorator
@Priority(10)
public abstract class BearerChallenge implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerChallenge.class);
    private static final String REALM = "Bearer realm=\"stsgate\"";

    /** quarkus-oidc's mechanism only: other mechanisms (tests' own) keep their challenge. */
    @Inject
    @Delegate
    @Any
    OidcAuthenticationMechanism delegate;

    @Inject
    ObjectMapper json;

    /** quarkus-oidc's own settings: whether it is on, and the audience it requires. */
    @Inject
    Config config;

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/admin/") && !path.startsWith("/authz/")) {
            return delegate.sendChallenge(context);
        }
        AdminErrorCode code = refusal(context);
        LOG.debugf("Refused %s %s: %s", context.request().method(), path, code.code());
        String body;
        try {
            body = json.writeValueAsString(AdminError.of(code, message(code), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(code.status())
                .putHeader("WWW-Authenticate", challenge(code))
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body);
        return Uni.createFrom().item(Boolean.TRUE);
    }

    private AdminErrorCode refusal(RoutingContext context) {
        if (!config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(Boolean.TRUE)) {
            return AdminErrorCode.AUTHENTICATION_NOT_CONFIGURED;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AdminErrorCode.MISSING_AUTHENTICATION_TOKEN;
        }
        AuthenticationFailedException failure = HttpSecurityUtils.getAuthenticationFailureFromEvent(context);
        return switch (BearerTokenFault.of(failure)) {
            case EXPIRED -> AdminErrorCode.EXPIRED_TOKEN;
            case OTHER_AUDIENCE -> AdminErrorCode.INVALID_AUDIENCE;
            case INVALID -> AdminErrorCode.INVALID_TOKEN;
        };
    }

    private String message(AdminErrorCode code) {
        return switch (code) {
            case AUTHENTICATION_NOT_CONFIGURED -> "Bearer token authentication is not configured: set"
                    + " quarkus.oidc.auth-server-url to the identity provider (a Keycloak realm) and"
                    + " quarkus.oidc.tenant-enabled=true; the demo: STSGATE_DEMO_ADMIN=true.";
            case MISSING_AUTHENTICATION_TOKEN -> "The request carries no bearer token: send"
                    + " 'Authorization: Bearer <access token>' with an access token of the configured identity provider.";
            case EXPIRED_TOKEN -> "The bearer token has expired: get a new access token.";
            case INVALID_AUDIENCE -> "The bearer token was issued for another audience: this API accepts access tokens"
                    + " whose aud includes " + String.join(" or ",
                            config.getOptionalValues("quarkus.oidc.token.audience", String.class).orElse(List.of()))
                    + ".";
            default -> "The bearer token is invalid: it is malformed, its signature does not verify with the identity"
                    + " provider's keys, or another issuer issued it.";
        };
    }

    private static String challenge(AdminErrorCode code) {
        return switch (code) {
            // RFC 6750 3.1: a request without credentials gets no error code.
            case AUTHENTICATION_NOT_CONFIGURED, MISSING_AUTHENTICATION_TOKEN -> REALM;
            case EXPIRED_TOKEN -> REALM + ", error=\"invalid_token\", error_description=\"The token expired\"";
            case INVALID_AUDIENCE -> REALM + ", error=\"invalid_token\", error_description=\"The token is for another"
                    + " audience\"";
            default -> REALM + ", error=\"invalid_token\", error_description=\"The token is invalid\"";
        };
    }
}
