package io.stsgate.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The rules for a SAML IdP's SSO URL, where stsgate sends people's browsers to sign in: absolute, https unless the
 * host is loopback (a password typed there must not cross the network in clear), no fragment or user information. A
 * query is allowed; the AuthnRequest is appended to it.
 */
public final class SsoUrls {

    private static final int MAX_LENGTH = 2048;

    private SsoUrls() {
    }

    /** The problem with {@code url}, or empty when it is acceptable. */
    public static Optional<String> check(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("must not have a fragment or user information");
        }
        if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && IssuerUrls.loopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must begin with https:// (plain http only for loopback hosts)");
    }
}
