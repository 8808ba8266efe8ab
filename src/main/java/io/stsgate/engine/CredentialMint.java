package io.stsgate.engine;

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

    /** Seals {@code draft} (its key id and access key id are filled in here) and returns the credentials. */
    public Minted mint(SessionContext draft) {
        var key = keyring.primary();
        String accessKeyId = accessKeyIds.newTemporary(draft.accountId());
        var session = new SessionContext(draft.kind(), key.id(), accessKeyId, draft.accountId(), draft.arn(),
                draft.sourceArn(), draft.principalId(), draft.sessionName(), draft.issuedAt(), draft.expiresAt(),
                draft.mfaAuthenticatedAt(), draft.sourceIdentity(), draft.tags(), draft.transitiveTagKeys(),
                draft.sessionPolicy(), draft.policyArns(), draft.chained(), draft.federatedProvider(),
                draft.federatedSubject(), draft.originArn(), draft.sourceId());
        String secret = secrets.derive(key, accessKeyId, session.issuedAt());
        String token = sealer.seal(SessionCodec.encode(session), accessKeyId);
        return new Minted(new TemporaryCredentials(accessKeyId, secret, token, session.expiresAt()), session);
    }

    /** The credentials and the session they stand for. */
    public record Minted(TemporaryCredentials credentials, SessionContext session) {
    }
}
