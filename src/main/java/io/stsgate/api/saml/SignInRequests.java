package io.stsgate.api.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;

/**
 * SP-initiated sign-ins without server-side state: the AuthnRequest ID is the request itself (provider, expiry,
 * RelayState), sealed with the keyring. The IdP returns that ID as the signed {@code InResponseTo}, so any replica
 * can check, without a store or sticky sessions, that a Response answers a request stsgate made, for that provider,
 * in time, with the same RelayState. The RelayState stays short (the binding allows 80 bytes) and random.
 */
@ApplicationScoped
public class SignInRequests {

    /** Time for the user to sign in at the IdP. */
    static final Duration TTL = Duration.ofMinutes(10);
    private static final String BOUND_TO = "saml AuthnRequest";
    private static final String ID_PREFIX = "_";

    private final TokenSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SignInRequests(Keyring keyring, Clock clock) {
        this.sealer = new TokenSealer(keyring, KeyPurpose.SAML_AUTHN_REQUEST);
        this.clock = clock;
    }

    SignInRequest open(String providerArn) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String relayState = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        Instant expiresAt = clock.instant().plus(TTL);
        String record = providerArn + "\n" + expiresAt.getEpochSecond() + "\n" + relayState;
        // An xs:ID must start with a letter or '_'; URL-safe base64 after '_' is a valid NCName.
        String id = ID_PREFIX + sealer.seal(record.getBytes(StandardCharsets.UTF_8), BOUND_TO);
        return new SignInRequest(id, providerArn, relayState, expiresAt);
    }

    /**
     * The request a Response's {@code InResponseTo} names, checked against the RelayState that came with it.
     *
     * @throws BridgeRefusal when stsgate did not make the request, it expired, or the RelayState differs
     */
    SignInRequest answered(String inResponseTo, String relayState) {
        if (!inResponseTo.startsWith(ID_PREFIX)
                || !(sealer.unseal(inResponseTo.substring(ID_PREFIX.length()),
                        BOUND_TO) instanceof UnsealResult.Opened opened)) {
            throw BridgeRefusal.requestUnmatched("InResponseTo names no AuthnRequest of this stsgate");
        }
        String[] fields = new String(opened.plaintext(), StandardCharsets.UTF_8).split("\n", -1);
        var request = new SignInRequest(inResponseTo, fields[0], fields[2],
                Instant.ofEpochSecond(Long.parseLong(fields[1])));
        if (!clock.instant().isBefore(request.expiresAt())) {
            throw BridgeRefusal.requestExpired();
        }
        if (relayState == null || !MessageDigest.isEqual(relayState.getBytes(StandardCharsets.UTF_8),
                request.relayState().getBytes(StandardCharsets.UTF_8))) {
            throw BridgeRefusal.requestUnmatched("RelayState differs from the one sent with the AuthnRequest");
        }
        return request;
    }
}
