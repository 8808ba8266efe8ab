package io.stsgate.api.saml;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The browser sign-in's public addresses, derived from {@code stsgate.public-url}.
 *
 * @param base the public URL without a trailing slash
 * @param acs the assertion consumer service (HTTP-POST binding): the public URL plus {@code /saml}
 * @param metadata the SP metadata document: the public URL plus {@code /saml/metadata}
 */
public record BridgeUrls(String base, String acs, String metadata) {

    public BridgeUrls {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Refuses what an IdP could not post to: a relative URL, another scheme, a query or a fragment. */
    public static BridgeUrls of(URI publicUrl) {
        String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!publicUrl.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
                || publicUrl.getHost() == null || publicUrl.getRawQuery() != null
                || publicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("stsgate.public-url must be an absolute http(s) URL without query or "
                    + "fragment, e.g. https://sts.example.com; got " + publicUrl);
        }
        String base = publicUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new BridgeUrls(base, base + "/saml", base + "/saml/metadata");
    }
}
