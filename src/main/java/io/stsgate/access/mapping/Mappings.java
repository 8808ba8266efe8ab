package io.stsgate.access.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.stsgate.directory.Directory;

/**
 * The nginx face's mappings: the S3 mapping and the declarative APIs by name. APIs and declared buckets are the
 * directory's, asked on every request, so a change through the admin API (or another replica) applies as soon as this
 * replica's snapshot has it; the S3 endpoint's domains are a deployment setting ({@code stsgate.authz.s3-domains}).
 */
public final class Mappings {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*"
            + "[a-z0-9])?)*");

    private final Directory directory;
    private final S3RestMapping s3;

    /**
     * @param s3Domains host names of the S3 endpoint whose sub-domains are buckets (virtual-hosted requests)
     * @throws IllegalArgumentException naming the setting when a domain is not a lower-case host name
     */
    public Mappings(Directory directory, List<String> s3Domains) {
        var domains = new ArrayList<String>();
        for (int i = 0; i < s3Domains.size(); i++) {
            String domain = s3Domains.get(i);
            if (domain == null || domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("stsgate.authz.s3-domains[" + i + "]: must be a lower-case host "
                        + "name, got " + (domain == null ? "nothing" : "'" + domain + "'"));
            }
            domains.add(domain.toLowerCase(Locale.ROOT));
        }
        this.directory = directory;
        this.s3 = new S3RestMapping(domains, directory::bucket);
    }

    public S3RestMapping s3() {
        return s3;
    }

    public Optional<ApiRoutes> api(String name) {
        return directory.httpApi(name).map(ApiRoutes::new);
    }
}
