package io.stsgate.directory;

import static io.stsgate.directory.EntryChecks.quoted;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyDocument;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * Reads the roles and managed policies of a directory file, and the policies attached to users and roles. References
 * to managed policies are checked once the whole file is read, since a policy may be declared after its users.
 */
final class RoleEntryReader {

    private final EntryChecks checks;
    private final List<Role> roles = new ArrayList<>();
    private final Map<String, ManagedPolicy> managedPolicies = new LinkedHashMap<>();
    private final List<Runnable> deferredChecks = new ArrayList<>();

    RoleEntryReader(EntryChecks checks) {
        this.checks = checks;
    }

    List<Role> roles() {
        return roles;
    }

    Collection<ManagedPolicy> managedPolicies() {
        return managedPolicies.values();
    }

    /** Runs the checks that needed the whole file: every attached managed policy exists. */
    void checkReferences() {
        deferredChecks.forEach(Runnable::run);
    }

    void managedPolicy(String account, DirectoryFile.ManagedPolicyEntry entry, String where) {
        String name = checks.name(entry.name(), where);
        String at = where + " '" + name + "'";
        String arn = Arns.policy(account, checks.path(entry.path(), at), name);
        if (managedPolicies.containsKey(arn)) {
            throw checks.fail(at, "name: duplicate managed policy " + arn);
        }
        var document = checks.identityPolicy(entry.document(), at + " > document");
        managedPolicies.put(arn, new ManagedPolicy(arn, new NamedPolicy(arn, document)));
    }

    void role(String account, DirectoryFile.RoleEntry entry, String where) {
        String name = checks.name(entry.name(), where);
        String at = where + " '" + name + "'";
        String path = checks.path(entry.path(), at);
        int max = entry.maxSessionDuration() == null ? Role.MIN_MAX_SESSION_DURATION : entry.maxSessionDuration();
        if (max < Role.MIN_MAX_SESSION_DURATION || max > Role.MAX_MAX_SESSION_DURATION) {
            throw checks.fail(at, "maxSessionDuration: must be between 3600 and 43200 seconds, got " + max);
        }
        if (entry.trustPolicy() == null || entry.trustPolicy().isNull()) {
            throw checks.fail(at, "trustPolicy: is required");
        }
        String arn = Arns.role(account, path, name);
        PolicyDocument trust;
        try {
            trust = PolicyParser.parseTrustPolicy(checks.text(entry.trustPolicy()));
        } catch (PolicyParseException e) {
            throw checks.fail(at, "trustPolicy: " + e.getMessage(), e);
        }
        var policies = policies(entry.policies(), at, "role " + name);
        if (entry.roleId() != null && !UniqueIds.isRoleId(entry.roleId())) {
            throw checks.fail(at, "roleId: must be AROA followed by 17 upper-case letters or digits, or left out to "
                    + "have one assigned");
        }
        var role = Role.of(account, path, name, entry.roleId(), new NamedPolicy("trust policy of " + arn, trust),
                policies.inline(), policies.managed(), max, checks.tags(entry.tags(), at));
        if (roles.stream().anyMatch(r -> r.arn().equals(arn))) {
            throw checks.fail(at, "name: duplicate role");
        }
        roles.stream().filter(r -> r.roleId().equals(role.roleId())).findFirst().ifPresent(other -> {
            throw checks.fail(at, "roleId: " + role.roleId() + " is already the id of " + other.arn());
        });
        roles.add(role);
    }

    record Policies(List<NamedPolicy> inline, List<String> managed) {
    }

    Policies policies(DirectoryFile.PoliciesEntry entry, String at, String owner) {
        if (entry == null) {
            return new Policies(List.of(), List.of());
        }
        var inline = new ArrayList<NamedPolicy>();
        if (entry.inline() != null) {
            entry.inline().forEach((policyName, document) -> {
                if (!checks.isName(policyName)) {
                    throw checks.fail(at, "policies.inline: invalid policy name " + quoted(policyName));
                }
                var parsed = checks.identityPolicy(document, at + " > policies.inline." + policyName);
                inline.add(new NamedPolicy("inline policy '" + policyName + "' of " + owner, parsed));
            });
        }
        var managed = new ArrayList<String>();
        var managedList = entry.managed() == null ? List.<String> of() : entry.managed();
        for (int i = 0; i < managedList.size(); i++) {
            String arn = managedList.get(i);
            String where = at + " > policies.managed[" + i + "]";
            deferredChecks.add(() -> {
                if (!managedPolicies.containsKey(arn)) {
                    throw checks.fail(where, "no managed policy " + quoted(arn) + " in this file");
                }
            });
            managed.add(arn);
        }
        return new Policies(inline, managed);
    }
}
