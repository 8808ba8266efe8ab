package io.stsgate.api.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stsgate.crypto.RawDeflate;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;
import io.stsgate.identity.saml.AssertionReplayCache;
import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * The continuation between the assertion post and the role choice.
 *
 * <p>
 * Why the assertion is carried, sealed: the replay cache spends the assertion id when {@code POST /saml} validates
 * it, so the choice must not present the assertion again; and the browser must not hand back anything the choice
 * could trust without re-validation. So the verified assertion, the offered roles and the expiry are sealed with the
 * keyring (AES-GCM, {@code KeyPurpose.SAML_SIGN_IN}) into the picker's {@code continuation} field: any replica can
 * open it, nothing is kept in memory, and the browser can neither read nor change it.
 *
 * <p>
 * Each continuation is good for one attempt: its random 256-bit id is spent in the shared one-time-id store (the one
 * the SAML replay cache uses, so every replica sees it) before anything else is checked, so a second submission, a
 * double click or a replayed form finds it used. It lives {@link #TTL}.
 *
 * <p>
 * CSRF: a double-submit token bound to the continuation. The picker response sets it in an HttpOnly,
 * SameSite=Strict cookie (Secure over https) and in a hidden field; the choice must carry both, equal to the sealed
 * one. A cross-site form can neither read the field nor make the browser send a SameSite=Strict cookie, and a
 * continuation leaked from another browser is useless without that browser's cookie.
 */
public class PendingSignIns {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final String BOUND_TO = "saml sign-in continuation";
    private static final String USE_PREFIX = "saml-sign-in:";
    /** Far above any continuation a 100,000-character SAMLResponse can produce. */
    private static final int MAX_CONTINUATION_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final TokenSealer sealer;
    private final Clock clock;
    private final AssertionReplayCache uses;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param sealer a sealer for {@code KeyPurpose.SAML_SIGN_IN}
     * @param uses the shared one-time-id store; continuation ids are namespaced apart from assertion ids
     */
    public PendingSignIns(TokenSealer sealer, Clock clock, AssertionReplayCache uses) {
        this.sealer = sealer;
        this.clock = clock;
        this.uses = uses;
    }

    /** A verified assertion waiting for its role choice, with fresh random id and CSRF token. */
    PendingSignIn open(VerifiedAssertion assertion, String providerArn, List<RoleChoice> offered) {
        return new PendingSignIn(randomToken(), randomToken(), assertion, providerArn, offered,
                clock.instant().plus(TTL));
    }

    /**
     * The picker form's {@code continuation} value.
     *
     * @throws BridgeRefusal when the assertion is too large to travel through the browser
     */
    String continuation(PendingSignIn entry) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Attribute-heavy assertions compress well; the form field stays small.
        String sealed = sealer.seal(RawDeflate.deflate(json, Deflater.BEST_SPEED), BOUND_TO);
        if (sealed.length() > TokenSealer.MAX_TOKEN_LENGTH) {
            throw BridgeRefusal.signInTooLarge();
        }
        return sealed;
    }

    /**
     * Opens the continuation, spends it, and returns it if it is still valid and both CSRF tokens match it. It is
     * spent whatever the outcome of the later checks.
     */
    PendingSignIn take(String continuation, String formToken, String cookieToken) {
        if (continuation == null || continuation.isEmpty()) {
            throw BridgeRefusal.continuationMissing();
        }
        if (!(sealer.unseal(continuation, BOUND_TO) instanceof UnsealResult.Opened opened)) {
            throw BridgeRefusal.continuationUnknown();
        }
        PendingSignIn entry;
        try {
            entry = JSON.readValue(RawDeflate.inflate(opened.plaintext(), MAX_CONTINUATION_BYTES), PendingSignIn.class);
        } catch (IOException | DataFormatException | RuntimeException e) {
            // Sealed by this keyring but unreadable: written by another version of stsgate.
            throw BridgeRefusal.continuationUnknown();
        }
        if (!uses.firstUse(USE_PREFIX + entry.id(), entry.expiresAt())) {
            throw BridgeRefusal.continuationUnknown();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
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
