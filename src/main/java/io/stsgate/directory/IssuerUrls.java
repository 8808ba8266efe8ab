package io.stsgate.directory;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/** The rules for an OIDC issuer URL: absolute, https unless the host is loopback or plain http was allowed. */
public final class IssuerUrls {

    private IssuerUrls() {
    }

    /** The problem with {@code url}, or empty when it is acceptable. */
    public static Optional<String> check(String url, boolean allowInsecureHttp) {
        if (url.length() > 255) {
            return Optional.of("must be at most 255 characters");
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
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("must not have a query, a fragment or user information");
        }
        if ("https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        if (!"http".equals(uri.getScheme())) {
            return Optional.of("must begin with https://");
        }
        if (allowInsecureHttp || loopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must begin with https:// (plain http only for loopback hosts or with "
                + "allowInsecureHttp: true)");
    }

    /**
     * The issuer without its scheme, as IAM names OIDC providers: host, port when given, and path without a trailing
     * slash. Text that is not a URL comes back as it is, so callers can name an entry before validating it.
     */
    public static String hostAndPathOrRaw(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url;
        }
        if (uri.getHost() == null) {
            return url;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
    }

    static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Only IP literals are resolved here, so no DNS lookup happens at start-up.
        boolean ipLiteral = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") || literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
        if (!ipLiteral) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
