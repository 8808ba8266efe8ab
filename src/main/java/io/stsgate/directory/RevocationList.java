package io.stsgate.directory;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revocations in force, indexed for the request path: checking a credential is a few hash lookups and never reads
 * the store. Immutable; a new list replaces the old one whenever the store's revocations change. Per target only the
 * latest time bound is kept, since it covers everything the earlier ones covered.
 */
public final class RevocationList {

    public static final RevocationList EMPTY = new RevocationList(List.of());

    private final Map<RevocationScope, Map<String, Revocation>> byScope = new EnumMap<>(RevocationScope.class);
    private final int size;

    private RevocationList(Collection<Revocation> revocations) {
        for (RevocationScope scope : RevocationScope.values()) {
            byScope.put(scope, new HashMap<>());
        }
        for (Revocation revocation : revocations) {
            byScope.get(revocation.scope()).merge(revocation.target(), revocation,
                    (a, b) -> a.issuedBefore().isBefore(b.issuedBefore()) ? b : a);
        }
        this.size = revocations.size();
    }

    public static RevocationList of(Collection<Revocation> revocations) {
        return revocations.isEmpty() ? EMPTY : new RevocationList(revocations);
    }

    /**
     * The revocation that refuses {@code session}, if any: the credential's own first, then its role, subjects and source
     * identity.
     */
    public Optional<Revocation> revoking(RevocableSession session) {
        if (size == 0) {
            return Optional.empty();
        }
        Revocation found = byScope.get(RevocationScope.ACCESS_KEY).get(session.accessKeyId());
        if (found == null) {
            found = timeBound(RevocationScope.ROLE, session.roleArn(), session);
        }
        for (int i = 0; found == null && i < session.subjects().size(); i++) {
            found = timeBound(RevocationScope.SUBJECT, session.subjects().get(i), session);
        }
        if (found == null) {
            found = timeBound(RevocationScope.SOURCE_IDENTITY, session.sourceIdentity(), session);
        }
        return Optional.ofNullable(found);
    }

    private Revocation timeBound(RevocationScope scope, String target, RevocableSession session) {
        if (target == null) {
            return null;
        }
        Revocation revocation = byScope.get(scope).get(target);
        return revocation != null && revocation.covers(session.issuedAt()) ? revocation : null;
    }

    /** How many stored revocations the list was built from. */
    public int size() {
        return size;
    }
}
