package io.stsgate.api.admin;

import io.stsgate.directory.Directory;
import io.stsgate.directory.store.NewRevocation;

/**
 * Whether a revocation names something the directory knows, as IAM's "revoke sessions" needs the role to exist: a
 * mistyped role ARN would otherwise be accepted and revoke nothing. Access keys and source identities are values
 * the directory does not hold, so they are always accepted.
 */
final class RevocationTargets {

    private RevocationTargets() {
    }

    static boolean exists(Directory directory, NewRevocation revocation) {
        String target = revocation.target();
        return switch (revocation.scope()) {
            case ROLE -> directory.role(target).isPresent();
            case SUBJECT -> subjectOwnerExists(directory, target);
            case ACCESS_KEY, SOURCE_IDENTITY -> true;
        };
    }

    /** An IAM user, or the provider before {@code #} of a federated subject (its subjects live at the IdP). */
    private static boolean subjectOwnerExists(Directory directory, String target) {
        int hash = target.indexOf('#');
        if (hash < 0) {
            return directory.user(target).isPresent();
        }
        String provider = target.substring(0, hash);
        return directory.samlProvider(provider).isPresent()
                || directory.oidcProviders().stream().anyMatch(p -> p.arn().equals(provider));
    }
}
