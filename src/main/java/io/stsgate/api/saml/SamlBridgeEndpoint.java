package io.stsgate.api.saml;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.ReasonCode;
import io.stsgate.config.StsgateConfig;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StoreCalls;
import io.stsgate.engine.StsException;
import io.stsgate.engine.Throttle;
import io.stsgate.engine.ThrottleGroup;
import io.stsgate.engine.ThrottleVerdict;
import io.stsgate.identity.saml.SamlServiceProviderKeys;
import io.stsgate.identity.saml.ServiceProviderMetadata;
import io.vertx.core.http.HttpServerRequest;

/**
 * The browser bridge: an IdP posts its SAML Response here ({@code POST /saml}, HTTP-POST binding, IdP- or
 * SP-initiated), the user picks one of the granted roles, and the next page shows credentials for it. Also publishes
 * stsgate's SP metadata ({@code GET /saml/metadata}).
 *
 * <p>
 * Nothing secret travels in a URL: both steps are form posts, and a GET on them is refused without reading its
 * query. Every response, refusals included, carries {@link BridgePage}'s headers and writes one audit event.
 */
@Path("/saml")
public class SamlBridgeEndpoint {

    static final String CSRF_COOKIE = "stsgate_saml_csrf";
    static final String METADATA_TYPE = "application/samlmetadata+xml";
    static final String SIGN_IN_ACTION = "SAMLSignIn";
    static final String ISSUE_ACTION = "AssumeRoleWithSAML";
    static final String START_ACTION = "SAMLAuthnRequest";
    private static final Logger LOG = Logger.getLogger(SamlBridgeEndpoint.class);

    @Inject
    SamlSignIn signIn;
    @Inject
    PendingSignIns pending;
    @Inject
    SignInStart starts;
    @Inject
    AuditSink audit;
    @Inject
    StsgateConfig config;
    @Inject
    Clock clock;
    @Inject
    SamlServiceProviderKeys serviceProviderKeys;
    @Inject
    StoreCalls storeCalls;
    @Inject
    Throttle throttle;

    private volatile String metadata;

    /**
     * The assertion consumer service. For a Response to stsgate's own AuthnRequest, RelayState must be the one sent
     * with it; for an unsolicited Response it is not used: stsgate has no page to return to, and following an
     * unsigned value would only open a redirect.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response acs(@FormParam("SAMLResponse") String samlResponse, @FormParam("RelayState") String relayState,
            @Context HttpServerRequest request) {
        var draft = draft(request, SIGN_IN_ACTION);
        String nonce = BridgePage.nonce();
        var limited = overLimit(request, draft, nonce);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            // The replay cache is in the store: bounded wait, 503 while the store is down.
            PendingSignIn entry = storeCalls.call(() -> signIn.signIn(samlResponse, relayState, draft));
            String html = BridgeTemplates.picker(nonce, signIn.signedInAs(entry.assertion()),
                    entry.assertion().nameId(), signIn.byAccount(entry.offered()),
                    pending.continuation(entry), entry.csrfToken(), PendingSignIns.TTL.toMinutes()).render();
            audit.record(draft.success(clock.instant(), ReasonCode.ANSWERED));
            return BridgePage.html(200, html, nonce, draft.requestId())
                    .cookie(csrfCookie(entry.csrfToken(), request)).build();
        } catch (RuntimeException e) {
            return refused(e, draft, nonce);
        }
    }

    /** The role choice. The continuation is consumed by this call whatever its outcome. */
    @POST
    @Path("/credentials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response credentials(@FormParam("continuation") String continuation, @FormParam("csrf") String csrf,
            @FormParam("role") String role, @CookieParam(CSRF_COOKIE) String csrfCookie,
            @Context HttpServerRequest request) {
        var draft = draft(request, ISSUE_ACTION);
        String nonce = BridgePage.nonce();
        var limited = overLimit(request, draft, nonce);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            var info = new RequestInfo(draft.requestId(), remote(request), request.getHeader("User-Agent"),
                    request.isSSL(), null);
            // Spending the continuation is a store write: bounded wait, 503 while the store is down.
            var issued = storeCalls.call(() -> signIn.issue(pending.take(continuation, csrf, csrfCookie), role, info,
                    draft));
            var view = CredentialsView.of(issued, urls().base(), clock);
            String html = BridgeTemplates.credentials(nonce, view).render();
            audit.record(draft.success(clock.instant(), ReasonCode.ISSUED));
            return BridgePage.html(200, html, nonce, draft.requestId()).cookie(expiredCsrfCookie(request))
                    .build();
        } catch (RuntimeException e) {
            return refused(e, draft, nonce);
        }
    }

    /**
     * SP-initiated sign-in: redirects to the IdP with an AuthnRequest (to the provider named by {@code provider}, or
     * the only one with an SSO URL), or lists the providers to choose from.
     */
    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Start a browser sign-in at a SAML identity provider (SP-initiated)")
    public Response startSignIn(@QueryParam("provider") String providerArn, @Context HttpServerRequest request) {
        var draft = draft(request, START_ACTION);
        String nonce = BridgePage.nonce();
        var limited = overLimit(request, draft, nonce);
        if (limited.isPresent()) {
            return limited.get();
        }
        try {
            var redirect = starts.redirect(providerArn);
            audit.record(draft.success(clock.instant(), ReasonCode.ANSWERED));
            if (redirect.isPresent()) {
                return BridgePage.secured(Response.seeOther(redirect.get()), null)
                        .header("X-Request-Id", draft.requestId()).build();
            }
            String html = BridgeTemplates.signIn(nonce, starts.choices()).render();
            return BridgePage.html(200, html, nonce, draft.requestId()).build();
        } catch (RuntimeException e) {
            return refused(e, draft, nonce);
        }
    }

    /** Refused without looking at the query: a credential or assertion in a URL would end up in logs and history. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response acsByGet(@Context HttpServerRequest request) {
        return methodNotAllowed(request, SIGN_IN_ACTION);
    }

    @GET
    @Path("/credentials")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response credentialsByGet(@Context HttpServerRequest request) {
        return methodNotAllowed(request, ISSUE_ACTION);
    }

    /** stsgate's SP metadata, for IdPs that import it: entity id and the ACS of this bridge. */
    @GET
    @Path("/metadata")
    @Produces(METADATA_TYPE)
    @Operation(summary = "SAML 2.0 service-provider metadata of stsgate")
    public Response metadata() {
        String xml = metadata;
        if (xml == null) {
            // The same document every time: configuration is fixed for the life of the process.
            xml = ServiceProviderMetadata.xml(config.saml().entityId(), urls().acs(),
                    serviceProviderKeys.encryptionCertificate());
            metadata = xml;
        }
        return BridgePage.secured(Response.ok(xml, METADATA_TYPE), null).build();
    }

    private Response methodNotAllowed(HttpServerRequest request, String action) {
        String nonce = BridgePage.nonce();
        Response response = refused(BridgeRefusal.methodNotAllowed(), draft(request, action), nonce);
        return Response.fromResponse(response).header("Allow", "POST").build();
    }

    /**
     * The sign-in pages' throttling, per source address. A person's browser neither understands nor retries AWS's
     * {@code Throttling} (HTTP 400), so it gets the web's own answer: 429 Too Many Requests with {@code Retry-After}
     * and a page saying to wait. Every throttled request is counted; only a bounded sample is audited.
     */
    private Optional<Response> overLimit(HttpServerRequest request, AuditDraft draft, String nonce) {
        if (!(throttle.admit(ThrottleGroup.SAML_BROWSER, remote(request)) instanceof ThrottleVerdict.Throttled t)) {
            return Optional.empty();
        }
        StsException e = t.error();
        if (t.audited()) {
            audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
        }
        long retryAfter = Math.max(1, (long) Math.ceil(1 / config.throttling().samlBrowser().rate()));
        Response page = page(429, "Too many requests", "Too many sign-in requests came from your network. Wait "
                + retryAfter + " second(s) and try again.", draft, nonce);
        return Optional.of(Response.fromResponse(page).header("Retry-After", retryAfter).build());
    }

    /** The one place a refusal becomes an error page and an audit event. */
    private Response refused(RuntimeException failure, AuditDraft draft, String nonce) {
        BridgeRefusal refusal;
        if (failure instanceof BridgeRefusal r) {
            refusal = r;
        } else if (failure instanceof StsException e) {
            refusal = BridgeRefusal.of(e);
        } else {
            LOG.errorf(failure, "browser sign-in request %s failed inside stsgate", draft.requestId());
            audit.record(draft.failure(clock.instant(), ReasonCode.INTERNAL_ERROR, "InternalFailure",
                    failure.getClass().getName()));
            return page(500, "Something went wrong", "stsgate could not complete the sign-in.", draft, nonce);
        }
        LOG.debugf("browser sign-in request %s refused: %s %s", draft.requestId(), refusal.errorCode(),
                refusal.reason());
        audit.record(draft.failure(clock.instant(), refusal.reason(), refusal.errorCode(), refusal.detail()));
        return page(refusal.status(), refusal.title(), refusal.getMessage(), draft, nonce,
                refusal.signInAgain() ? urls().base() + "/saml/sign-in" : null);
    }

    private static Response page(int status, String title, String message, AuditDraft draft, String nonce) {
        return page(status, title, message, draft, nonce, null);
    }

    private static Response page(int status, String title, String message, AuditDraft draft, String nonce,
            String signInUrl) {
        String html = BridgeTemplates.error(nonce, status, title, message, draft.requestId(), signInUrl).render();
        return BridgePage.html(status, html, nonce, draft.requestId()).build();
    }

    private static AuditDraft draft(HttpServerRequest request, String action) {
        return new AuditDraft(UUID.randomUUID().toString(), remote(request), request.getHeader("User-Agent"))
                .action(action);
    }

    private static String remote(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private BridgeUrls urls() {
        return BridgeUrls.of(config.publicUrl());
    }

    /** Scoped to the bridge's path, five minutes, never readable by script, never sent cross-site. */
    private NewCookie csrfCookie(String token, HttpServerRequest request) {
        return cookie(token, (int) PendingSignIns.TTL.toSeconds(), request);
    }

    private NewCookie expiredCsrfCookie(HttpServerRequest request) {
        return cookie("", 0, request);
    }

    private NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
        URI acs = URI.create(urls().acs());
        // Secure when the browser talks https: directly, or to the proxy named by the public URL.
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(acs.getScheme());
        return new NewCookie.Builder(CSRF_COOKIE).value(value).path(acs.getRawPath()).maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
