package io.stsgate.api.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * The continuation between the assertion post and the role choice.
 *
 * <p>
 * Why server-side: the replay cache spends the assertion id when {@code POST /saml} validates it, so the choice must
 * not present the assertion again; and the assertion must not travel back through the browser as something the
 * choice could trust without re-validation. So the verified assertion stays here, in memory, and the picker form
 * carries only a random 256-bit id.
 *
 * <p>
 * Each entry is good for one attempt: {@link #take} removes it before anything is checked, so a second submission, a
 * double click or a replayed form finds nothing. Entries live {@link #TTL}; the map holds at most
 * {@link #MAX_PENDING} of them (expired ones are dropped when it fills), so a flood of sign-ins costs bounded memory
 * and then gets "try again" instead of an outage.
 *
 * <p>
 * CSRF: a double-submit token bound to the entry. The picker response sets it in an HttpOnly, SameSite=Strict cookie
 * (Secure over https) and in a hidden field; the choice must carry both, equal to the entry's. A cross-site form can
 * neither read the field nor make the browser send a SameSite=Strict cookie, and an entry id leaked from another
 * browser is useless without that browser's cookie. The id alone would stop blind forgeries; the cookie also binds
 * the choice to the browser that signed in.
 *
 * <p>
 * Single node: a replica only knows its own entries, so several replicas need sticky sessions for {@code /saml} (the
 * replay cache itself is shared through the store port).
 */
@ApplicationScoped
public class PendingSignIns {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_PENDING = 10_000;

    private final ConcurrentHashMap<String, PendingSignIn> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    /** Keeps a verified assertion until its role is chosen; refuses when the store is full. */
    PendingSignIn open(VerifiedAssertion assertion, String providerArn, List<RoleChoice> offered) {
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(entry -> expired(entry, now));
        }
        // Checked before insertion, so concurrent sign-ins may overshoot by a few entries: a bound, not a quota.
        if (pending.size() >= MAX_PENDING) {
            throw BridgeRefusal.busy();
        }
        var entry = new PendingSignIn(randomToken(), randomToken(), assertion, providerArn, offered, now.plus(TTL));
        pending.put(entry.id(), entry);
        return entry;
    }

    /**
     * Removes the entry and returns it if it is still valid and both CSRF tokens match it. The entry is gone
     * whatever the outcome.
     */
    PendingSignIn take(String id, String formToken, String cookieToken) {
        if (id == null || id.isEmpty()) {
            throw BridgeRefusal.continuationMissing();
        }
        PendingSignIn entry = pending.remove(id);
        if (entry == null) {
            throw BridgeRefusal.continuationUnknown();
        }
        if (expired(entry, clock.instant())) {
            throw BridgeRefusal.continuationExpired();
        }
        if (formToken == null || formToken.isEmpty() || cookieToken == null || cookieToken.isEmpty()) {
            throw BridgeRefusal.csrfMissing();
        }
        // Both compared, in constant time, whatever the first result.
        boolean form = sameToken(formToken, entry.csrfToken());
        boolean cookie = sameToken(cookieToken, entry.csrfToken());
        if (!(form & cookie)) {
            throw BridgeRefusal.csrfWrong();
        }
        return entry;
    }

    int size() {
        return pending.size();
    }

    private static boolean expired(PendingSignIn entry, Instant now) {
        return !now.isBefore(entry.expiresAt());
    }

    private static boolean sameToken(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
