package io.stsgate.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stsgate.crypto.Base32;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyDocument;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * Reads and validates the declarative directory file. Every problem stops loading with a message that names the file,
 * the entry and the problem, so an invalid file stops start-up instead of half-loading.
 */
public final class DirectoryFileLoader {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
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
            return new Building(sourceName).build(new DirectoryFile(List.of()));
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

    /** Collects validated entries; one instance per load. */
    private static final class Building {
        private final String fileName;
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private final List<User> users = new ArrayList<>();
        private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
        private final List<MfaDevice> mfaDevices = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final Map<String, ManagedPolicy> managedPolicies = new LinkedHashMap<>();
        private final Map<String, OidcProvider> oidcProviders = new LinkedHashMap<>();
        private final Map<String, SamlProvider> samlProviders = new LinkedHashMap<>();
        private final WorkloadAssociations workloadAssociations = new WorkloadAssociations();
        private final List<Runnable> deferredChecks = new ArrayList<>();

        Building(String fileName) {
            this.fileName = fileName;
        }

        DirectorySnapshot build(DirectoryFile file) {
            for (int i = 0; i < file.accounts().size(); i++) {
                account(file.accounts().get(i), "accounts[" + i + "]");
            }
            deferredChecks.forEach(Runnable::run);
            return new DirectorySnapshot(accounts.values(), users, accessKeys.values(), mfaDevices, roles,
                    managedPolicies.values(), oidcProviders.values(), samlProviders.values(),
                    workloadAssociations.all());
        }

        private void account(DirectoryFile.AccountEntry entry, String where) {
            if (entry == null) {
                throw fail(where, "is empty");
            }
            String id = entry.id();
            if (id == null || !Arns.ACCOUNT_ID.matcher(id).matches()) {
                throw fail(where, "id: must be 12 digits (quote it in YAML), got " + quoted(id));
            }
            String at = where + " '" + id + "'";
            if (accounts.containsKey(id)) {
                throw fail(at, "id: duplicate account");
            }
            String name = entry.name() == null || entry.name().isBlank() ? id : entry.name();
            accounts.put(id, new Account(id, name));
            list(entry.managedPolicies()).forEachIndexed((i, p) -> managedPolicy(id, p, at + " > managedPolicies[" + i + "]"));
            list(entry.users()).forEachIndexed((i, u) -> user(id, u, at + " > users[" + i + "]"));
            list(entry.roles()).forEachIndexed((i, r) -> role(id, r, at + " > roles[" + i + "]"));
            list(entry.oidcProviders()).forEachIndexed(
                    (i, p) -> oidcProvider(id, p, at + " > oidcProviders[" + i + "]"));
            list(entry.samlProviders()).forEachIndexed(
                    (i, p) -> samlProvider(id, p, at + " > samlProviders[" + i + "]"));
            list(entry.workloadAssociations()).forEachIndexed((i, a) -> workloadAssociations.add(id, a, oidcProviders,
                    at + " > workloadAssociations[" + i + "]").ifPresent(problem -> {
                        throw new DirectoryFileException(fileName + ": " + problem);
                    }));
        }

        private void samlProvider(String account, DirectoryFile.SamlProviderEntry entry, String where) {
            String name = entry.name();
            if (name == null || !name.matches("[\\w._-]{1,128}")) {
                throw fail(where, "name: must be 1 to 128 characters of letters, digits and ._-, got " + quoted(name));
            }
            String at = where + " '" + name + "'";
            SamlIdpMetadata metadata = null;
            if (entry.metadata() != null) {
                try {
                    metadata = SamlIdpMetadataParser.parse(entry.metadata());
                } catch (SamlMetadataException e) {
                    throw fail(at, "metadata: " + e.getMessage());
                }
            }
            String entityId = entry.entityId();
            if (metadata != null && entityId != null && !entityId.equals(metadata.entityId())) {
                throw fail(at, "entityId: " + quoted(entityId) + " differs from the metadata's entityID "
                        + quoted(metadata.entityId()) + "; give one of them");
            }
            if (metadata != null) {
                entityId = metadata.entityId();
            }
            if (entityId == null || entityId.isBlank() || entityId.length() > 1024) {
                throw fail(at, "entityId: the IdP's entity id (the Issuer of its assertions) is required, "
                        + "or its metadata");
            }
            var certificates = new ArrayList<java.security.cert.X509Certificate>();
            if (metadata != null) {
                certificates.addAll(metadata.signingCertificates());
            }
            var pems = entry.signingCertificates() == null ? List.<String> of() : entry.signingCertificates();
            for (String pem : pems) {
                var certificate = PemCertificates.parse(pem).orElseThrow(() -> fail(at,
                        "signingCertificates: entry is not a PEM X.509 certificate"));
                if (!certificates.contains(certificate)) {
                    certificates.add(certificate);
                }
            }
            if (certificates.isEmpty() || certificates.size() > SamlIdpMetadataParser.MAX_SIGNING_CERTIFICATES) {
                throw fail(at, "signingCertificates: between 1 and " + SamlIdpMetadataParser.MAX_SIGNING_CERTIFICATES
                        + " certificates are required (PEM here, or in the metadata), got " + certificates.size());
            }
            String ssoUrl = entry.ssoUrl() != null || metadata == null ? entry.ssoUrl()
                    : metadata.ssoUrl().orElse(null);
            if (ssoUrl != null) {
                String source = entry.ssoUrl() != null ? "ssoUrl" : "metadata: SingleSignOnService Location";
                String url = ssoUrl;
                SsoUrls.check(ssoUrl).ifPresent(problem -> {
                    throw fail(at, source + ": " + quoted(url) + " " + problem
                            + (entry.ssoUrl() == null ? " (set ssoUrl to override it)" : ""));
                });
            }
            var provider = new SamlProvider(account, name, entityId, certificates, ssoUrl);
            if (samlProviders.containsKey(provider.arn())) {
                throw fail(at, "name: duplicate SAML provider");
            }
            samlProviders.put(provider.arn(), provider);
        }

        private void oidcProvider(String account, DirectoryFile.OidcProviderEntry entry, String where) {
            String url = entry.url();
            if (url == null || url.isBlank()) {
                throw fail(where, "url: is required (the issuer, exactly as in the tokens' iss claim)");
            }
            String at = where + " '" + url + "'";
            boolean insecureAllowed = Boolean.TRUE.equals(entry.allowInsecureHttp());
            IssuerUrls.check(url, insecureAllowed).ifPresent(problem -> {
                throw fail(at, "url: " + problem);
            });
            if (oidcProviders.containsKey(url)) {
                throw fail(at, "url: this issuer is already registered; an issuer is trusted by one entry only");
            }
            var clientIds = entry.clientIds() == null ? List.<String> of() : entry.clientIds();
            if (clientIds.isEmpty() || clientIds.size() > 100) {
                throw fail(at, "clientIds: between 1 and 100 client ids (audiences) are required");
            }
            for (String clientId : clientIds) {
                if (clientId == null || clientId.isEmpty() || clientId.length() > 255) {
                    throw fail(at, "clientIds: each client id must be 1 to 255 characters");
                }
            }
            var algorithms = entry.allowedAlgorithms() == null ? OidcProvider.DEFAULT_ALGORITHMS
                    : entry.allowedAlgorithms();
            if (algorithms.isEmpty()) {
                throw fail(at, "allowedAlgorithms: must not be empty");
            }
            for (String alg : algorithms) {
                if (!OidcProvider.SUPPORTED_ALGORITHMS.contains(alg)) {
                    throw fail(at, "allowedAlgorithms: " + quoted(alg) + " is not allowed; use asymmetric "
                            + "algorithms only: " + String.join(", ", OidcProvider.DEFAULT_ALGORITHMS));
                }
            }
            var skew = entry.clockSkew() == null ? OidcProvider.DEFAULT_CLOCK_SKEW : entry.clockSkew();
            if (skew.isNegative() || skew.compareTo(java.time.Duration.ofMinutes(5)) > 0) {
                throw fail(at, "clockSkew: must be between PT0S and PT5M");
            }
            if (entry.maxTokenAge() != null && (entry.maxTokenAge().isNegative() || entry.maxTokenAge().isZero())) {
                throw fail(at, "maxTokenAge: must be positive");
            }
            java.util.Optional<String> jwks = java.util.Optional.empty();
            if (entry.jwks() != null && !entry.jwks().isNull()) {
                String text = text(entry.jwks());
                try {
                    JsonNode keys = JSON.readTree(text).path("keys");
                    if (!keys.isArray() || keys.isEmpty()) {
                        throw fail(at, "jwks: must be a JWKS document with a non-empty 'keys' array");
                    }
                } catch (JacksonException e) {
                    throw fail(at, "jwks: not valid JSON");
                }
                jwks = java.util.Optional.of(text);
            }
            var tagClaims = entry.tagClaims() == null ? Map.<String, String> of() : entry.tagClaims();
            tagClaims.forEach((tag, claim) -> {
                if (tag == null || !TAG_KEY.matcher(tag).matches() || tag.length() > 128) {
                    throw fail(at, "tagClaims: invalid tag key " + quoted(tag));
                }
                if (tag.regionMatches(true, 0, "aws:", 0, 4)) {
                    throw fail(at, "tagClaims: tag key " + quoted(tag) + " begins with aws:, which is reserved");
                }
                if (claim == null || claim.isBlank()) {
                    throw fail(at, "tagClaims." + tag + ": the claim path is required");
                }
            });
            oidcProviders.put(url, new OidcProvider(account, url, clientIds, algorithms, skew,
                    java.util.Optional.ofNullable(entry.maxTokenAge()), jwks, insecureAllowed, tagClaims));
        }

        private void managedPolicy(String account, DirectoryFile.ManagedPolicyEntry entry, String where) {
            String name = name(entry.name(), where);
            String at = where + " '" + name + "'";
            String arn = Arns.policy(account, path(entry.path(), at), name);
            if (managedPolicies.containsKey(arn)) {
                throw fail(at, "name: duplicate managed policy " + arn);
            }
            var document = identityPolicy(entry.document(), at + " > document");
            managedPolicies.put(arn, new ManagedPolicy(arn, new NamedPolicy(arn, document)));
        }

        private void user(String account, DirectoryFile.UserEntry entry, String where) {
            String name = name(entry.name(), where);
            String at = where + " '" + name + "'";
            String path = path(entry.path(), at);
            var policies = policies(entry.policies(), at, "user " + name);
            if (entry.userId() != null && !UniqueIds.isUserId(entry.userId())) {
                throw fail(at, "userId: must be AIDA followed by 17 upper-case letters or digits, or left out to "
                        + "have one assigned");
            }
            var user = User.of(account, path, name, entry.userId(), tags(entry.tags(), at), policies.inline(),
                    policies.managed());
            if (users.stream().anyMatch(u -> u.arn().equals(user.arn()))) {
                throw fail(at, "name: duplicate user");
            }
            users.stream().filter(u -> u.userId().equals(user.userId())).findFirst().ifPresent(other -> {
                throw fail(at, "userId: " + user.userId() + " is already the id of " + other.arn());
            });
            users.add(user);
            list(entry.accessKeys()).forEachIndexed((i, k) -> accessKey(user, k, at + " > accessKeys[" + i + "]"));
            list(entry.mfaDevices()).forEachIndexed((i, d) -> mfaDevice(user, d, at + " > mfaDevices[" + i + "]"));
        }

        private void accessKey(User user, DirectoryFile.AccessKeyEntry entry, String where) {
            if (entry.id() == null || !ACCESS_KEY_ID.matcher(entry.id()).matches()) {
                throw fail(where, "id: must be AKIA followed by 16 upper-case letters or digits");
            }
            String at = where + " '" + entry.id() + "'";
            if (accessKeys.containsKey(entry.id())) {
                throw fail(at, "id: duplicate access key id");
            }
            if (entry.secret() == null || entry.secret().length() < 16 || entry.secret().length() > 128
                    || entry.secret().isBlank()) {
                throw fail(at, "secret: must be 16 to 128 characters");
            }
            var status = entry.status() == null ? AccessKey.Status.Active : entry.status();
            accessKeys.put(entry.id(), new AccessKey(entry.id(), entry.secret(), user.arn(), status));
        }

        private void mfaDevice(User user, DirectoryFile.MfaDeviceEntry entry, String where) {
            String name = name(entry.name(), where);
            String at = where + " '" + name + "'";
            String serial = Arns.mfa(user.accountId(), name);
            if (mfaDevices.stream().anyMatch(d -> d.serialNumber().equals(serial))) {
                throw fail(at, "name: duplicate MFA device " + serial);
            }
            byte[] seed;
            try {
                seed = Base32.decode(entry.seed() == null ? "" : entry.seed());
            } catch (IllegalArgumentException e) {
                throw fail(at, "seed: not valid base32");
            }
            if (seed.length < 10) {
                throw fail(at, "seed: must hold at least 80 bits (16 base32 characters)");
            }
            mfaDevices.add(new MfaDevice(serial, user.arn(), seed));
        }

        private void role(String account, DirectoryFile.RoleEntry entry, String where) {
            String name = name(entry.name(), where);
            String at = where + " '" + name + "'";
            String path = path(entry.path(), at);
            int max = entry.maxSessionDuration() == null ? Role.MIN_MAX_SESSION_DURATION : entry.maxSessionDuration();
            if (max < Role.MIN_MAX_SESSION_DURATION || max > Role.MAX_MAX_SESSION_DURATION) {
                throw fail(at, "maxSessionDuration: must be between 3600 and 43200 seconds, got " + max);
            }
            if (entry.trustPolicy() == null || entry.trustPolicy().isNull()) {
                throw fail(at, "trustPolicy: is required");
            }
            String arn = Arns.role(account, path, name);
            PolicyDocument trust;
            try {
                trust = PolicyParser.parseTrustPolicy(text(entry.trustPolicy()));
            } catch (PolicyParseException e) {
                throw fail(at, "trustPolicy: " + e.getMessage(), e);
            }
            var policies = policies(entry.policies(), at, "role " + name);
            if (entry.roleId() != null && !UniqueIds.isRoleId(entry.roleId())) {
                throw fail(at, "roleId: must be AROA followed by 17 upper-case letters or digits, or left out to "
                        + "have one assigned");
            }
            var role = Role.of(account, path, name, entry.roleId(), new NamedPolicy("trust policy of " + arn, trust),
                    policies.inline(), policies.managed(), max, tags(entry.tags(), at));
            if (roles.stream().anyMatch(r -> r.arn().equals(arn))) {
                throw fail(at, "name: duplicate role");
            }
            roles.stream().filter(r -> r.roleId().equals(role.roleId())).findFirst().ifPresent(other -> {
                throw fail(at, "roleId: " + role.roleId() + " is already the id of " + other.arn());
            });
            roles.add(role);
        }

        private record Policies(List<NamedPolicy> inline, List<String> managed) {
        }

        private Policies policies(DirectoryFile.PoliciesEntry entry, String at, String owner) {
            if (entry == null) {
                return new Policies(List.of(), List.of());
            }
            var inline = new ArrayList<NamedPolicy>();
            if (entry.inline() != null) {
                entry.inline().forEach((policyName, document) -> {
                    if (policyName == null || !NAME.matcher(policyName).matches()) {
                        throw fail(at, "policies.inline: invalid policy name " + quoted(policyName));
                    }
                    var parsed = identityPolicy(document, at + " > policies.inline." + policyName);
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
                        throw fail(where, "no managed policy " + quoted(arn) + " in this file");
                    }
                });
                managed.add(arn);
            }
            return new Policies(inline, managed);
        }

        private PolicyDocument identityPolicy(JsonNode document, String at) {
            if (document == null || document.isNull()) {
                throw fail(at, "is required");
            }
            try {
                return PolicyParser.parseIdentityPolicy(text(document));
            } catch (PolicyParseException e) {
                throw fail(at, e.getMessage(), e);
            }
        }

        private Map<String, String> tags(Map<String, String> tags, String at) {
            if (tags == null) {
                return Map.of();
            }
            if (tags.size() > 50) {
                throw fail(at, "tags: at most 50 tags");
            }
            Set<String> seen = new LinkedHashSet<>();
            tags.forEach((k, v) -> {
                if (k == null || !TAG_KEY.matcher(k).matches()) {
                    throw fail(at, "tags: invalid tag key " + quoted(k));
                }
                if (v == null || !TAG_VALUE.matcher(v).matches()) {
                    throw fail(at, "tags." + k + ": invalid tag value");
                }
                if (!seen.add(k.toLowerCase(java.util.Locale.ROOT))) {
                    throw fail(at, "tags: duplicate tag key " + quoted(k) + " (keys are case-insensitive)");
                }
            });
            return tags;
        }

        private String name(String name, String where) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw fail(where, "name: must be 1 to 64 characters of letters, digits and +=,.@_-, got "
                        + quoted(name));
            }
            return name;
        }

        private String path(String path, String where) {
            if (path == null) {
                return "/";
            }
            if (!PATH.matcher(path).matches()) {
                throw fail(where, "path: must begin and end with '/', got " + quoted(path));
            }
            return path;
        }

        private String text(JsonNode document) {
            if (document.isTextual()) {
                return document.textValue();
            }
            try {
                return JSON.writeValueAsString(document);
            } catch (JacksonException e) {
                throw new IllegalStateException("a parsed YAML tree always serialises", e);
            }
        }

        private DirectoryFileException fail(String where, String problem) {
            return new DirectoryFileException(fileName + ": " + where + ": " + problem);
        }

        private DirectoryFileException fail(String where, String problem, PolicyParseException malformed) {
            return new DirectoryFileException(fileName + ": " + where + ": " + problem, malformed);
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static <T> IndexedList<T> list(List<T> list) {
        return new IndexedList<>(list == null ? List.of() : list);
    }

    private record IndexedList<T>(List<T> items) {
        interface IndexedConsumer<T> {
            void accept(int index, T item);
        }

        void forEachIndexed(IndexedConsumer<T> consumer) {
            for (int i = 0; i < items.size(); i++) {
                consumer.accept(i, items.get(i));
            }
        }
    }
}
