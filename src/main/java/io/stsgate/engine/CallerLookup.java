package io.stsgate.engine;

import java.util.Objects;

import io.stsgate.directory.Directory;

/**
 * Finds who an access key id stands for and the secret its requests must be signed with: an {@code ASIA} key by
 * unsealing its session token (no database read), an {@code AKIA} key in the directory. It does not check the
 * signature; the face that received the request does that with the secret, and only then asks {@link SessionChecks}.
 * Every face that accepts signed requests (the Query API, the decision API) resolves callers here, so they refuse the
 * same credentials for the same reasons.
 */
public final class CallerLookup {

    private final Directory directory;
    private final CredentialVerifier credentials;

    public CallerLookup(Directory directory, CredentialVerifier credentials) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Why an access key id resolved to nobody. */
    public enum Miss {
        /** Unknown key, unreadable or mismatched session token, a token sent with a long-term key. */
        UNKNOWN,
        /** A long-term key that exists but is disabled; refused as AWS refuses it, as if unknown. */
        INACTIVE_KEY,
        /** An authentic session token past its expiry. */
        EXPIRED
    }

    /** The caller an access key id stands for, with its secret; or why there is none. */
    public sealed interface Lookup {

        /** A usable key. toString never shows the secret. */
        record Found(String secretAccessKey, Caller caller) implements Lookup {

            public Found {
                Objects.requireNonNull(secretAccessKey, "secretAccessKey");
                Objects.requireNonNull(caller, "caller");
            }

            @Override
            public String toString() {
                return "Found[secretAccessKey=<redacted>, caller=" + caller.arn() + "]";
            }
        }

        record Missing(Miss miss) implements Lookup {

            public Missing {
                Objects.requireNonNull(miss, "miss");
            }
        }
    }

    /**
     * @param securityToken the session token sent with the request, or null
     */
    public Lookup find(String accessKeyId, String securityToken) {
        if (accessKeyId.startsWith("ASIA")) {
            var verification = credentials.verify(accessKeyId, securityToken);
            if (verification instanceof CredentialVerifier.Verification.Valid v) {
                return new Lookup.Found(v.secretAccessKey(), new Caller.SessionCaller(v.session()));
            }
            return new Lookup.Missing(verification instanceof CredentialVerifier.Verification.Expired ? Miss.EXPIRED
                    : Miss.UNKNOWN);
        }
        // A disabled long-term key is refused as AWS refuses it: InvalidClientTokenId, as if unknown. Temporary
        // credentials minted from it stay valid until they expire, as in AWS; revoke the user's sessions (scope
        // subject, the user's ARN) to end them.
        var known = directory.accessKey(accessKeyId);
        if (known.isPresent() && !known.get().active()) {
            return new Lookup.Missing(Miss.INACTIVE_KEY);
        }
        var user = known.flatMap(k -> directory.user(k.userArn()));
        if (securityToken != null || user.isEmpty()) {
            return new Lookup.Missing(Miss.UNKNOWN);
        }
        return new Lookup.Found(known.get().secret(), new Caller.UserCaller(user.get(), known.get()));
    }
}
