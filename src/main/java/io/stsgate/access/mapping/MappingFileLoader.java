package io.stsgate.access.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * Reads and validates the mapping file. Every problem stops loading with a message naming the file, the entry and the
 * problem, like the directory file: a half-loaded mapping would deny (or worse, misname) requests at run time.
 */
public final class MappingFileLoader {

    private static final Pattern API_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*"
            + "[a-z0-9])?)*");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]{1,64}:[A-Za-z0-9]{1,128}");
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS",
            "*");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MappingFileLoader() {
    }

    /**
     * @param fileName named in messages
     * @param services the SigV4 service names the decision API accepts ({@code stsgate.authz.services})
     */
    public static Mappings load(String fileName, InputStream source, Collection<String> services) {
        MappingFile file;
        try {
            byte[] bytes = source.readAllBytes();
            // An empty (or comment-only) file maps nothing, like no file.
            file = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank() ? null
                    : YAML.readValue(bytes, MappingFile.class);
        } catch (JacksonException e) {
            throw new MappingFileException(fileName + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        } catch (IOException e) {
            throw new MappingFileException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        return validate(fileName, file == null ? new MappingFile(null, null) : file, services);
    }

    public static Mappings validate(String fileName, MappingFile file, Collection<String> services) {
        return new Building(fileName, services).build(file);
    }

    private static final class Building {
        private final String fileName;
        private final Collection<String> services;

        Building(String fileName, Collection<String> services) {
            this.fileName = fileName;
            this.services = services;
        }

        Mappings build(MappingFile file) {
            var domains = new ArrayList<String>();
            var buckets = new LinkedHashMap<String, Bucket>();
            if (file.s3() != null) {
                List<String> listed = file.s3().domains() == null ? List.of() : file.s3().domains();
                for (int i = 0; i < listed.size(); i++) {
                    String domain = listed.get(i);
                    if (domain == null || domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                        throw fail("s3 > domains[" + i + "]", "must be a lower-case host name, got " + quoted(domain));
                    }
                    domains.add(domain);
                }
                var entries = file.s3().buckets() == null ? List.<MappingFile.BucketEntry> of() : file.s3().buckets();
                for (int i = 0; i < entries.size(); i++) {
                    Bucket bucket = bucket(entries.get(i), "s3 > buckets[" + i + "]");
                    if (buckets.putIfAbsent(bucket.name(), bucket) != null) {
                        throw fail("s3 > buckets[" + i + "] '" + bucket.name() + "'", "name: duplicate bucket");
                    }
                }
            }
            var apis = new LinkedHashMap<String, ApiRoutes>();
            var entries = file.apis() == null ? List.<MappingFile.ApiEntry> of() : file.apis();
            for (int i = 0; i < entries.size(); i++) {
                ApiRoutes api = api(entries.get(i), "apis[" + i + "]");
                if (apis.putIfAbsent(api.name(), api) != null) {
                    throw fail("apis[" + i + "] '" + api.name() + "'", "name: duplicate API");
                }
            }
            return new Mappings(new S3RestMapping(domains, buckets), apis);
        }

        private Bucket bucket(MappingFile.BucketEntry entry, String where) {
            if (entry == null || entry.name() == null || !BUCKET.matcher(entry.name()).matches()) {
                throw fail(where, "name: must be an S3 bucket name (3 to 63 of a-z 0-9 . -), got "
                        + quoted(entry == null ? null : entry.name()));
            }
            String at = where + " '" + entry.name() + "'";
            if (entry.account() == null || !ACCOUNT.matcher(entry.account()).matches()) {
                throw fail(at, "account: the owning account's 12 digits are required (quote them in YAML), got "
                        + quoted(entry.account()));
            }
            List<NamedPolicy> policies = List.of();
            if (entry.policy() != null) {
                String text = entry.policy().isTextual() ? entry.policy().asText() : entry.policy().toString();
                try {
                    policies = List.of(new NamedPolicy("bucket policy of " + entry.name(), PolicyParser.parse(text)));
                } catch (PolicyParseException e) {
                    throw fail(at, "policy: " + e.getMessage());
                }
            }
            return new Bucket(entry.name(), entry.account(), policies);
        }

        private ApiRoutes api(MappingFile.ApiEntry entry, String where) {
            if (entry == null || entry.name() == null || !API_NAME.matcher(entry.name()).matches()) {
                throw fail(where, "name: must be 1 to 63 of a-z 0-9 -, got "
                        + quoted(entry == null ? null : entry.name()));
            }
            String at = where + " '" + entry.name() + "'";
            if (entry.service() == null || !services.contains(entry.service())) {
                throw fail(at, "service: the SigV4 service name its clients sign for must be one of " + services
                        + " (stsgate.authz.services), got " + quoted(entry.service()));
            }
            if (entry.routes() == null || entry.routes().isEmpty()) {
                throw fail(at, "routes: at least one route is required");
            }
            var routes = new ArrayList<ApiRoutes.Route>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < entry.routes().size(); i++) {
                ApiRoutes.Route route = route(entry.routes().get(i), at + " > routes[" + i + "]");
                if (!seen.add(route.method() + " " + route.path())) {
                    throw fail(at + " > routes[" + i + "]", "duplicate route " + route.method() + " " + route.path());
                }
                routes.add(route);
            }
            return new ApiRoutes(entry.name(), entry.service(), routes);
        }

        private ApiRoutes.Route route(MappingFile.RouteEntry entry, String where) {
            if (entry == null) {
                throw fail(where, "is empty");
            }
            if (entry.method() == null || !METHODS.contains(entry.method())) {
                throw fail(where, "method: must be one of " + new java.util.TreeSet<>(METHODS) + ", got "
                        + quoted(entry.method()));
            }
            RouteTemplate.Result parsed = RouteTemplate.parse(entry.path());
            if (parsed.template() == null) {
                throw fail(where, "path: " + quoted(entry.path()) + " " + parsed.problem());
            }
            if (entry.action() == null || !ACTION.matcher(entry.action()).matches()) {
                throw fail(where, "action: must be service:Action without wildcards, got " + quoted(entry.action()));
            }
            String resource = entry.resource();
            if (resource == null || !ARN.matcher(resource).matches()) {
                throw fail(where, "resource: must be an ARN template (arn:partition:service:region:account:...), got "
                        + quoted(resource));
            }
            List<String> variables = parsed.template().variables();
            Matcher m = RouteTemplate.VARIABLE.matcher(resource);
            while (m.find()) {
                if (!variables.contains(m.group(1))) {
                    throw fail(where, "resource: {" + m.group(1) + "} is not a variable of path " + entry.path());
                }
            }
            return new ApiRoutes.Route(entry.method(), parsed.template(), entry.action(), resource);
        }

        private MappingFileException fail(String where, String problem) {
            return new MappingFileException(fileName + ": " + where + ": " + problem);
        }

        private static String quoted(String value) {
            return value == null ? "nothing" : "'" + value + "'";
        }
    }
}
