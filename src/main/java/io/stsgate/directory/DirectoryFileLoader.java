package io.stsgate.directory;

import static io.stsgate.directory.EntryChecks.list;
import static io.stsgate.directory.EntryChecks.quoted;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and validates the declarative directory file. Every problem stops loading with a message that names the file,
 * the entry and the problem, so an invalid file stops start-up instead of half-loading.
 */
public final class DirectoryFileLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectMapper YAML_OUT = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .defaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY,
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY))
            .build();

    private DirectoryFileLoader() {
    }

    /** Loads {@code source}, named {@code fileName} in messages. */
    public static DirectorySnapshot load(String fileName, InputStream source) {
        DirectoryFile file = parse(fileName, source);
        if (file.accounts() == null || file.accounts().isEmpty()) {
            throw new DirectoryFileException(fileName + ": accounts: at least one account is required");
        }
        return new Building(fileName).build(file);
    }

    /** Validates a directory assembled elsewhere (the store), named {@code sourceName} in messages; may be empty. */
    public static DirectorySnapshot validate(String sourceName, DirectoryFile file) {
        if (file.accounts() == null) {
            return new Building(sourceName).build(new DirectoryFile(List.of(), file.apis(), file.buckets()));
        }
        return new Building(sourceName).build(file);
    }

    /** Reads a directory file without validating it, for applying it to the store. */
    public static DirectoryFile parse(String fileName, InputStream source) {
        try {
            DirectoryFile file = YAML.readValue(source, DirectoryFile.class);
            return file == null ? new DirectoryFile(List.of()) : file;
        } catch (JacksonException e) {
            throw new DirectoryFileException(fileName + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        } catch (IOException e) {
            throw new DirectoryFileException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes a directory file as YAML, the inverse of {@link #parse}. */
    public static String write(DirectoryFile file) {
        try {
            return YAML_OUT.writeValueAsString(file);
        } catch (IOException e) {
            throw new DirectoryFileException("the directory cannot be written as YAML: " + e.getMessage(), e);
        }
    }

    /** Reads one file's entries, account by account, with one reader per entry kind; one instance per load. */
    private static final class Building {
        private final EntryChecks checks;
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private final RoleEntryReader roles;
        private final UserEntryReader users;
        private final ProviderEntryReader providers;
        private final WorkloadAssociations workloadAssociations = new WorkloadAssociations();
        private final HttpApiEntryReader httpEntries;

        Building(String fileName) {
            this.checks = new EntryChecks(fileName);
            this.roles = new RoleEntryReader(checks);
            this.users = new UserEntryReader(checks, roles);
            this.providers = new ProviderEntryReader(checks);
            this.httpEntries = new HttpApiEntryReader(checks);
        }

        DirectorySnapshot build(DirectoryFile file) {
            for (int i = 0; i < file.accounts().size(); i++) {
                account(file.accounts().get(i), "accounts[" + i + "]");
            }
            roles.checkReferences();
            list(file.apis()).forEachIndexed((i, a) -> httpEntries.api(a, "apis[" + i + "]"));
            list(file.buckets()).forEachIndexed(
                    (i, b) -> httpEntries.bucket(b, accounts.keySet(), "buckets[" + i + "]"));
            return new DirectorySnapshot(accounts.values(), users.users(), users.accessKeys(), users.mfaDevices(),
                    roles.roles(), roles.managedPolicies(), providers.oidcProviders().values(),
                    providers.samlProviders().values(), workloadAssociations.all(),
                    httpEntries.apis().values(), httpEntries.buckets().values());
        }

        /**
         * Managed policies come first so the users and roles of the account can name them; OIDC providers before the
         * workload associations that point at them.
         */
        private void account(DirectoryFile.AccountEntry entry, String where) {
            if (entry == null) {
                throw checks.fail(where, "is empty");
            }
            String id = entry.id();
            if (id == null || !Arns.ACCOUNT_ID.matcher(id).matches()) {
                throw checks.fail(where, "id: must be 12 digits (quote it in YAML), got " + quoted(id));
            }
            String at = where + " '" + id + "'";
            if (accounts.containsKey(id)) {
                throw checks.fail(at, "id: duplicate account");
            }
            String name = entry.name() == null || entry.name().isBlank() ? id : entry.name();
            accounts.put(id, new Account(id, name));
            list(entry.managedPolicies())
                    .forEachIndexed((i, p) -> roles.managedPolicy(id, p, at + " > managedPolicies[" + i + "]"));
            list(entry.users()).forEachIndexed((i, u) -> users.user(id, u, at + " > users[" + i + "]"));
            list(entry.roles()).forEachIndexed((i, r) -> roles.role(id, r, at + " > roles[" + i + "]"));
            list(entry.oidcProviders()).forEachIndexed(
                    (i, p) -> providers.oidcProvider(id, p, at + " > oidcProviders[" + i + "]"));
            list(entry.samlProviders()).forEachIndexed(
                    (i, p) -> providers.samlProvider(id, p, at + " > samlProviders[" + i + "]"));
            list(entry.workloadAssociations()).forEachIndexed((i, a) -> workloadAssociations
                    .add(id, a, providers.oidcProviders(), at + " > workloadAssociations[" + i + "]")
                    .ifPresent(problem -> {
                        throw checks.fail(problem);
                    }));
        }
    }
}
