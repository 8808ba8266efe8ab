package io.stsgate.engine;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.AccessKeyIds;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;

/**
 * Mints temporary credentials: a fresh {@code ASIA} id, a secret derived from the newest keyring key (never stored) and
 * the session context sealed with that key, bound to the access key id.
 */
public final class CredentialMint {

    private final Keyring keyring;
    private final TokenSealer sealer;
    private final SecretKeyDerivation secrets;
    private final AccessKeyIds accessKeyIds = new AccessKeyIds();

    public CredentialMint(Keyring keyring, TokenSealer sealer, SecretKeyDerivation secrets) {
        this.keyring = keyring;
        this.sealer = sealer;
        this.secrets = secrets;
    }

    /**
     * The largest session token minted, in characters. Clients send it back in the {@code X-Amz-Security-Token}
     * header or a presigned URL, and common servers and proxies refuse a header line or request line over 8 KB
     * (nginx {@code large_client_header_buffers}, Apache {@code LimitRequestFieldSize}); 6 KB leaves room for the
     * rest of the line. Typical sessions are well under 1 KB; only many long, non-ASCII tags or policy ARNs get near.
     */
    public static final int MAX_SESSION_TOKEN_CHARS = 6 * 1024;

    /**
     * Seals {@code draft} (its key id and access key id are filled in here) and returns the credentials; a session
     * whose token would exceed {@link #MAX_SESSION_TOKEN_CHARS} is refused with PackedPolicyTooLarge before any
     * secret is derived or token sealed.
     */
    public Minted mint(SessionContext draft) {
        var key = keyring.primary();
        String accessKeyId = accessKeyIds.newTemporary();
        var session = draft.withKey(key.id(), accessKeyId);
        byte[] plaintext = SessionCodec.encode(session);
        int length = TokenSealer.sealedLength(key.id(), plaintext.length);
        if (length > MAX_SESSION_TOKEN_CHARS) {
            int percent = (int) Math.ceil(length * 100.0 / MAX_SESSION_TOKEN_CHARS);
            throw new StsException(ErrorCode.PACKED_POLICY_TOO_LARGE, ReasonCode.SESSION_TOKEN_TOO_LARGE,
                    "Packed size of session policies and tags consumes " + percent + "% of allotted space.",
                    "the session token would be " + length + " characters; at most " + MAX_SESSION_TOKEN_CHARS);
        }
        String secret = secrets.derive(key, accessKeyId, session.issuedAt());
        String token = sealer.seal(plaintext, accessKeyId);
        return new Minted(new TemporaryCredentials(accessKeyId, secret, token, session.expiresAt()), session);
    }

    /** The credentials and the session they stand for. */
    public record Minted(TemporaryCredentials credentials, SessionContext session) {
    }
}
