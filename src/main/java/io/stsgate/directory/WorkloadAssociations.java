package io.stsgate.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the workload associations of a directory file as it loads: each names an OIDC provider of its own
 * account, a subject, and a role of its own account (the provider must be in the role's account for the trust policy
 * to be asked at all); one association per provider and subject across the directory, names unique per account.
 */
final class WorkloadAssociations {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}");
    private static final int MAX_SUBJECT = 255;
    private static final int MIN_DURATION = 900;

    private final List<WorkloadAssociation> all = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<List<String>> issuerSubjects = new HashSet<>();

    List<WorkloadAssociation> all() {
        return all;
    }

    /** Adds the entry, or says what is wrong with it ({@code where: field: problem}). */
    Optional<String> add(String account, DirectoryFile.WorkloadAssociationEntry entry,
            Map<String, OidcProvider> providers, String where) {
        String name = entry.name();
        if (name == null || !NAME.matcher(name).matches()) {
            return problem(where, "name: must be 1 to 64 characters of letters, digits and +=,.@_-, got "
                    + quoted(name));
        }
        String at = where + " '" + name + "'";
        if (!keys.add(WorkloadAssociation.key(account, name))) {
            return problem(at, "name: duplicate workload association");
        }
        OidcProvider provider = entry.provider() == null ? null : providers.get(entry.provider());
        if (provider == null || !provider.accountId().equals(account)) {
            return problem(at, "provider: must be the url of an OIDC provider of this account, got "
                    + quoted(entry.provider()));
        }
        String subject = entry.subject();
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            return problem(at, "subject: the token's sub, 1 to " + MAX_SUBJECT + " characters (Kubernetes: "
                    + "system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT), is required");
        }
        if (!issuerSubjects.add(List.of(provider.issuer(), subject))) {
            return problem(at, "subject: another workload association already maps " + quoted(subject) + " of "
                    + provider.issuer());
        }
        String roleArn = entry.roleArn();
        if (roleArn == null || !account.equals(Arns.roleAccount(roleArn).orElse(null))) {
            return problem(at, "roleArn: must be the ARN of a role of this account, got " + quoted(roleArn));
        }
        String cluster = entry.clusterName() == null ? provider.hostAndPath() : entry.clusterName();
        if (!TAG_VALUE.matcher(cluster).matches()) {
            return problem(at, "clusterName: must be 1 to 256 letters, digits, spaces and _.:/=+-@ (it becomes the "
                    + "eks-cluster-name session tag)");
        }
        Integer duration = entry.sessionDuration();
        if (duration != null && (duration < MIN_DURATION || duration > Role.MAX_MAX_SESSION_DURATION)) {
            return problem(at, "sessionDuration: must be between " + MIN_DURATION + " and "
                    + Role.MAX_MAX_SESSION_DURATION + " seconds, got " + duration);
        }
        all.add(new WorkloadAssociation(account, name, provider.issuer(), subject, roleArn, cluster, duration));
        return Optional.empty();
    }

    private static Optional<String> problem(String where, String problem) {
        return Optional.of(where + ": " + problem);
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
