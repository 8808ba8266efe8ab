package io.stsgate.engine;

import java.time.Clock;

import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;

/**
 * Verifies a temporary credential without any database read: unseal the token bound to the access key id, decode the
 * session, check expiry and derive the secret the caller must have signed with.
 */
public final class CredentialVerifier {

    private final Keyring keyring;
    private final TokenSealer sealer;
    private final SecretKeyDerivation secrets;
    private final Clock clock;

    public CredentialVerifier(Keyring keyring, TokenSealer sealer, SecretKeyDerivation secrets, Clock clock) {
        this.keyring = keyring;
        this.sealer = sealer;
        this.secrets = secrets;
        this.clock = clock;
    }

    public Verification verify(String accessKeyId, String sessionToken) {
        if (accessKeyId == null || sessionToken == null || !accessKeyId.startsWith("ASIA")) {
            return new Verification.Invalid();
        }
        var unsealed = sealer.unseal(sessionToken, accessKeyId);
        if (!(unsealed instanceof UnsealResult.Opened ok)) {
            return new Verification.Invalid();
        }
        var decoded = SessionCodec.decode(ok.plaintext());
        if (decoded.isEmpty() || !accessKeyId.equals(decoded.get().accessKeyId())) {
            return new Verification.Invalid();
        }
        var session = decoded.get();
        var key = keyring.find(session.keyId());
        if (key.isEmpty()) {
            return new Verification.Invalid();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            return new Verification.Expired(session);
        }
        return new Verification.Valid(session, secrets.derive(key.get(), accessKeyId, session.issuedAt()));
    }

    /** The result of verifying a temporary credential. */
    public sealed interface Verification {
        record Valid(SessionContext session, String secretAccessKey) implements Verification {
            @Override
            public String toString() {
                return "Valid[" + session.accessKeyId() + "]";
            }
        }

        record Expired(SessionContext session) implements Verification {
        }

        record Invalid() implements Verification {
        }
    }
}
