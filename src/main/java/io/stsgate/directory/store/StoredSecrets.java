package io.stsgate.directory.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;

/**
 * Secret access keys and TOTP seeds at rest: sealed with the keyring (AES-GCM), bound to the entry they belong to, so
 * a sealed value copied onto another entry does not open. SigV4 and TOTP need the plain secret, so hashing is not an
 * option; the keyring is the one secret a deployment must keep.
 */
public final class StoredSecrets {

    private final TokenSealer sealer;

    public StoredSecrets(TokenSealer sealer) {
        this.sealer = sealer;
    }

    public String seal(String secret, EntryId owner) {
        return sealer.seal(secret.getBytes(StandardCharsets.UTF_8), owner.toString());
    }

    /**
     * The secret sealed again with the keyring's primary key, or empty when it already is (then nothing needs to be
     * written).
     */
    public Optional<String> resealed(String sealed, EntryId owner) {
        UnsealResult result = sealer.unseal(sealed, owner.toString());
        if (!(result instanceof UnsealResult.Opened opened)) {
            throw new SecretNotOpened(owner, result);
        }
        if (opened.key().id().equals(sealer.primaryKeyId())) {
            return Optional.empty();
        }
        return Optional.of(sealer.seal(opened.plaintext(), owner.toString()));
    }

    public String unseal(String sealed, EntryId owner) {
        UnsealResult result = sealer.unseal(sealed, owner.toString());
        if (result instanceof UnsealResult.Opened opened) {
            return new String(opened.plaintext(), StandardCharsets.UTF_8);
        }
        throw new SecretNotOpened(owner, result);
    }
}
