package io.stsgate.identity.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import io.smallrye.mutiny.Uni;

/**
 * Keys from the provider's discovery document ({@code issuer + "/.well-known/openid-configuration"}, whose
 * {@code issuer} must equal the configured one) and its {@code jwks_uri}, fetched asynchronously with the JDK HTTP
 * client and kept in a {@link JwksCache}.
 * <ul>
 * <li>Fresh cached keys ({@link JwksPolicy#cacheTtl()}) are returned at once, without I/O.</li>
 * <li>One fetch per issuer at a time; concurrent callers share it.</li>
 * <li>An unknown key id refetches the JWKS (not the discovery document) at most once per
 * {@link JwksPolicy#unknownKidRefetchInterval()} per issuer.</li>
 * <li>When a fetch fails (unreachable, timeout, non-200, too large, not JSON, issuer mismatch), the last good keys
 * stay in use until {@link JwksPolicy#gracePeriod()} after their fetch, and no new attempt is made for
 * {@code unknownKidRefetchInterval}; past the grace period the Uni fails.</li>
 * <li>Redirects are not followed; {@code jwks_uri} must be https unless the provider permits http. The {@code jku},
 * {@code x5u} and similar token headers are never consulted: keys come from here only.</li>
 * </ul>
 */
public final class HttpJwksSource implements JwksSource {

    private static final Logger LOG = Logger.getLogger(HttpJwksSource.class);
    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final long NEVER = Long.MIN_VALUE;

    private final JwksPolicy policy;
    private final JwksCache cache;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, IssuerState> states = new ConcurrentHashMap<>();

    public HttpJwksSource(JwksPolicy policy, JwksCache cache, Clock clock) {
        this(policy, cache, clock, HttpClient.newBuilder()
                .connectTimeout(policy.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public HttpJwksSource(JwksPolicy policy, JwksCache cache, Clock clock, HttpClient client) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Uni<JwkSet> keys(OidcProviderSettings provider, boolean refresh) {
        String issuer = provider.issuer();
        long now = clock.millis();
        Optional<CachedJwks> cached = cache.get(issuer);
        if (!refresh && cached.isPresent() && now < cached.get().fetchedAt().toEpochMilli()
                + policy.cacheTtl().toMillis()) {
            return Uni.createFrom().item(cached.get().keys());
        }
        IssuerState state = states.computeIfAbsent(issuer, IssuerState::new);
        if (now < state.retryNotBefore.get()) {
            return usable(state, cached, now, "the last fetch failed, retrying after "
                    + Instant.ofEpochMilli(state.retryNotBefore.get()));
        }
        if (refresh && !state.claimRefetch(now, policy.unknownKidRefetchInterval().toMillis())) {
            return usable(state, cached, now, "refetch rate-limited");
        }
        URI knownJwksUri = refresh ? cached.map(CachedJwks::jwksUri).orElse(null) : null;
        return Uni.createFrom().completionStage(() -> state.fetchOnce(() -> fetch(provider, knownJwksUri)))
                .onItemOrFailure().transformToUni((fetched, failure) -> failure == null
                        ? Uni.createFrom().item(fetched.keys())
                        : usable(state, cached, clock.millis(), reason(failure)));
    }

    /** The last good keys while within their grace period, otherwise a failure naming {@code reason}. */
    private Uni<JwkSet> usable(IssuerState state, Optional<CachedJwks> cached, long now, String reason) {
        CachedJwks lastGood = state.lastKnownGood;
        if (cached.isPresent() && (lastGood == null || cached.get().fetchedAt().isAfter(lastGood.fetchedAt()))) {
            lastGood = cached.get();
        }
        if (lastGood != null && now < lastGood.fetchedAt().toEpochMilli() + policy.gracePeriod().toMillis()) {
            return Uni.createFrom().item(lastGood.keys());
        }
        return Uni.createFrom().failure(new JwksUnavailableException(lastGood == null
                ? "no keys for the provider: " + reason
                : "keys fetched at " + lastGood.fetchedAt() + " are past the grace period: " + reason));
    }

    private CompletableFuture<CachedJwks> fetch(OidcProviderSettings provider, URI knownJwksUri) {
        CompletableFuture<URI> jwksUri = knownJwksUri != null ? CompletableFuture.completedFuture(knownJwksUri)
                : discover(provider);
        return jwksUri.thenCompose(uri -> get(uri).thenApply(body -> {
            JwkSet keys;
            try {
                keys = JwkSet.parse(body);
            } catch (IllegalArgumentException e) {
                throw new JwksUnavailableException("JWKS at " + uri + " is not a key set: " + e.getMessage());
            }
            LOG.debugf("OIDC keys fetched for issuer %s from %s: %s", provider.issuer(), uri, keys);
            return new CachedJwks(keys, uri, clock.instant());
        }));
    }

    private CompletableFuture<URI> discover(OidcProviderSettings provider) {
        String issuer = provider.issuer();
        URI discovery = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + DISCOVERY_PATH);
        return get(discovery).thenApply(body -> {
            Map<String, Object> document;
            try {
                document = JsonUtil.parseJson(body);
            } catch (JoseException e) {
                throw new JwksUnavailableException("discovery document at " + discovery + " is not a JSON object");
            }
            if (!issuer.equals(document.get("issuer"))) {
                throw new JwksUnavailableException("discovery document at " + discovery + " names issuer "
                        + AuditText.quote(document.get("issuer")) + ", not the configured one");
            }
            if (!(document.get("jwks_uri") instanceof String text)) {
                throw new JwksUnavailableException("discovery document at " + discovery + " has no jwks_uri");
            }
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new JwksUnavailableException("jwks_uri " + AuditText.quote(text) + " is not a URI");
            }
            if (!uri.isAbsolute() || uri.getHost() == null || !provider.permitsScheme(uri)) {
                throw new JwksUnavailableException("jwks_uri " + AuditText.quote(text) + " is not an https URL");
            }
            return uri;
        });
    }

    private CompletableFuture<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(policy.fetchTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                BoundedBody.handler(policy.maxJwksBytes()));
        return exchange.copy()
                .orTimeout(policy.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        exchange.cancel(true);
                        throw new JwksUnavailableException("GET " + uri + " failed: " + reason(failure));
                    }
                    if (response.statusCode() != 200) {
                        throw new JwksUnavailableException("GET " + uri + " answered HTTP " + response.statusCode());
                    }
                    try {
                        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(response.body())).toString();
                    } catch (CharacterCodingException e) {
                        throw new JwksUnavailableException("GET " + uri + " answered with a body that is not UTF-8");
                    }
                });
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof JwksUnavailableException) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Per issuer: the fetch in flight, the rate limit of forced refetches, the back-off and the last good keys. */
    private final class IssuerState {

        private final String issuer;
        private final AtomicReference<CompletableFuture<CachedJwks>> inFlight = new AtomicReference<>();
        private final AtomicLong lastForcedRefetch = new AtomicLong(NEVER);
        private final AtomicLong retryNotBefore = new AtomicLong(NEVER);
        private volatile CachedJwks lastKnownGood;

        IssuerState(String issuer) {
            this.issuer = issuer;
        }

        /** True for the one caller per interval that may refetch because of an unknown key id. */
        boolean claimRefetch(long now, long interval) {
            while (true) {
                long last = lastForcedRefetch.get();
                if (last != NEVER && now - last < interval) {
                    return false;
                }
                if (lastForcedRefetch.compareAndSet(last, now)) {
                    return true;
                }
            }
        }

        /** Starts a fetch unless one is running, and shares the running one. Stores the result on success. */
        CompletableFuture<CachedJwks> fetchOnce(Supplier<CompletableFuture<CachedJwks>> fetch) {
            CompletableFuture<CachedJwks> mine = new CompletableFuture<>();
            CompletableFuture<CachedJwks> running = inFlight.compareAndExchange(null, mine);
            if (running != null) {
                return running;
            }
            CompletableFuture<CachedJwks> started;
            try {
                started = fetch.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((fetched, failure) -> {
                if (failure == null) {
                    cache.put(issuer, fetched);
                    lastKnownGood = fetched;
                    retryNotBefore.set(NEVER);
                } else {
                    retryNotBefore.set(clock.millis() + policy.unknownKidRefetchInterval().toMillis());
                    LOG.debugf("OIDC key fetch failed for issuer %s: %s", issuer, reason(failure));
                }
                inFlight.set(null);
                if (failure == null) {
                    mine.complete(fetched);
                } else {
                    mine.completeExceptionally(failure);
                }
            });
            return mine;
        }
    }
}
