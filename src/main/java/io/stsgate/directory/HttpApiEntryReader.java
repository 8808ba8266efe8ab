package io.stsgate.directory;

import static io.stsgate.directory.EntryChecks.quoted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * Reads the entries the nginx face uses: HTTP APIs with their routes, and buckets with their owning account and
 * bucket policy. Both are named across the whole directory (an API by its URL on the nginx face, a bucket as S3 does),
 * so they sit beside the accounts, not in one.
 */
final class HttpApiEntryReader {

    private static final Pattern API_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]{1,64}:[A-Za-z0-9]{1,128}");
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS",
            "*");

    private final EntryChecks checks;
    private final Map<String, HttpApi> apis = new LinkedHashMap<>();
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();

    HttpApiEntryReader(EntryChecks checks) {
        this.checks = checks;
    }

    Map<String, HttpApi> apis() {
        return apis;
    }

    Map<String, Bucket> buckets() {
        return buckets;
    }

    /** @param accounts the directory's accounts, read before: a bucket's owner is one of them */
    void bucket(DirectoryFile.BucketEntry entry, Set<String> accounts, String where) {
        if (entry == null || entry.name() == null || !BUCKET.matcher(entry.name()).matches()) {
            throw checks.fail(where, "name: must be an S3 bucket name (3 to 63 of a-z 0-9 . -), got "
                    + quoted(entry == null ? null : entry.name()));
        }
        String at = where + " '" + entry.name() + "'";
        if (buckets.containsKey(entry.name())) {
            throw checks.fail(at, "name: duplicate bucket");
        }
        if (entry.account() == null || !accounts.contains(entry.account())) {
            throw checks.fail(at, "account: the owning account, an account of this directory (12 digits, quoted in "
                    + "YAML), is required, got " + quoted(entry.account()));
        }
        List<NamedPolicy> policies = List.of();
        if (entry.policy() != null && !entry.policy().isNull()) {
            try {
                // Any kind: a bucket policy names its principals, and a Deny may use NotPrincipal.
                policies = List.of(new NamedPolicy("bucket policy of " + entry.name(),
                        PolicyParser.parse(checks.text(entry.policy()))));
            } catch (PolicyParseException e) {
                throw checks.fail(at, "policy: " + e.getMessage(), e);
            }
        }
        buckets.put(entry.name(), new Bucket(entry.name(), entry.account(), policies));
    }

    void api(DirectoryFile.ApiEntry entry, String where) {
        if (entry == null || entry.name() == null || !API_NAME.matcher(entry.name()).matches()) {
            throw checks.fail(where, "name: must be 1 to 63 of a-z 0-9 -, got "
                    + quoted(entry == null ? null : entry.name()));
        }
        String at = where + " '" + entry.name() + "'";
        if (apis.containsKey(entry.name())) {
            throw checks.fail(at, "name: duplicate API");
        }
        if (entry.service() == null || !SERVICE.matcher(entry.service()).matches()) {
            throw checks.fail(at, "service: the SigV4 service name its clients sign for (a-z 0-9 -, on "
                    + "stsgate.authz.services) is required, got " + quoted(entry.service()));
        }
        if (entry.routes() == null || entry.routes().isEmpty()) {
            throw checks.fail(at, "routes: at least one route is required");
        }
        var routes = new ArrayList<HttpApi.Route>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entry.routes().size(); i++) {
            HttpApi.Route route = route(entry.routes().get(i), at + " > routes[" + i + "]");
            if (!seen.add(route.method() + " " + route.path())) {
                throw checks.fail(at + " > routes[" + i + "]", "duplicate route " + route.method() + " "
                        + route.path());
            }
            routes.add(route);
        }
        apis.put(entry.name(), new HttpApi(entry.name(), entry.service(), routes));
    }

    private HttpApi.Route route(DirectoryFile.RouteEntry entry, String where) {
        if (entry == null) {
            throw checks.fail(where, "is empty");
        }
        if (entry.method() == null || !METHODS.contains(entry.method())) {
            throw checks.fail(where, "method: must be one of " + new TreeSet<>(METHODS) + ", got "
                    + quoted(entry.method()));
        }
        RouteTemplate.Result parsed = RouteTemplate.parse(entry.path());
        if (parsed.template() == null) {
            throw checks.fail(where, "path: " + quoted(entry.path()) + " " + parsed.problem());
        }
        if (entry.action() == null || !ACTION.matcher(entry.action()).matches()) {
            throw checks.fail(where, "action: must be service:Action without wildcards, got "
                    + quoted(entry.action()));
        }
        String resource = entry.resource();
        if (resource == null || !ARN.matcher(resource).matches()) {
            throw checks.fail(where, "resource: must be an ARN template (arn:partition:service:region:account:...), "
                    + "got " + quoted(resource));
        }
        List<String> variables = parsed.template().variables();
        Matcher m = RouteTemplate.VARIABLE.matcher(resource);
        while (m.find()) {
            if (!variables.contains(m.group(1))) {
                throw checks.fail(where, "resource: {" + m.group(1) + "} is not a variable of path "
                        + entry.path());
            }
        }
        return new HttpApi.Route(entry.method(), parsed.template(), entry.action(), resource);
    }
}
