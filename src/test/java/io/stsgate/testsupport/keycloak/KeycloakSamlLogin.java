package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real, signed SAML Response from Keycloak, obtained the way a browser gets it: IdP-initiated SSO on the
 * {@code urn:stsgate:sp} client ({@code GET /realms/stsgate/protocol/saml/clients/stsgate}), the login form filled
 * in and posted with the session cookies, and the {@code SAMLResponse} field read from the HTML auto-post form that
 * Keycloak answers with. Each call is a fresh login, so each Response carries a fresh assertion id.
 * <p>
 * Cookies are kept by hand: Keycloak marks some of them {@code Secure}, which {@link java.net.CookieManager} would
 * not send back over the plain-HTTP loopback connection a browser treats as secure.
 */
public final class KeycloakSamlLogin {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>.*?</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final KeycloakServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public KeycloakSamlLogin(KeycloakServer server) {
        this.server = server;
    }

    /** {@code {issuer}/protocol/saml/clients/stsgate}: where IdP-initiated SSO to stsgate starts. */
    public URI idpInitiatedSsoUri() {
        return URI.create(server.issuer() + "/protocol/saml/clients/" + StsgateRealm.SAML_IDP_INITIATED_SSO_URL_NAME);
    }

    /**
     * Logs {@code user} in and returns the base64 {@code SAMLResponse} Keycloak posts to the client's assertion
     * consumer URL (set it first with {@link KeycloakAdmin#setSamlAssertionConsumerUrl(String)}).
     */
    public String samlResponseFor(KeycloakUser user) {
        return autoPostForm(user).fields().get("SAMLResponse");
    }

    /** The HTML auto-post form Keycloak answers a successful login with: its action (the ACS URL) and fields. */
    public AutoPostForm autoPostForm(KeycloakUser user) {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = follow(get(idpInitiatedSsoUri(), cookies), cookies, "IdP-initiated SSO");
        HtmlForm login = HtmlForm.first(page.body(), "login form");
        Map<String, String> fields = new LinkedHashMap<>(login.fields());
        fields.put("username", user.username());
        fields.put("password", user.password());
        URI action = page.uri().resolve(login.action());
        HttpResponse<String> posted = follow(send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))), cookies, "login of " + user), cookies,
                "login of " + user);
        HtmlForm result = HtmlForm.first(posted.body(), "SAML auto-post form after the login of " + user);
        if (!result.fields().containsKey("SAMLResponse")) {
            throw new KeycloakException("login of " + user + ": Keycloak answered HTTP " + posted.statusCode()
                    + " without a SAMLResponse (wrong password, or a form other than the auto-post form)");
        }
        return new AutoPostForm(URI.create(result.action()), result.fields());
    }

    /** The browser's next step after the login: POST these fields to {@code action}. */
    public record AutoPostForm(URI action, Map<String, String> fields) {
        public AutoPostForm {
            fields = Map.copyOf(fields);
        }
    }

    private HttpResponse<String> get(URI uri, Map<String, String> cookies) {
        return send(HttpRequest.newBuilder(uri).GET(), cookies, "GET " + uri.getPath());
    }

    /** Follows redirects with GET, as browsers do after a POST, carrying the cookies along. */
    private HttpResponse<String> follow(HttpResponse<String> response, Map<String, String> cookies, String what) {
        HttpResponse<String> current = response;
        for (int i = 0; i < MAX_REDIRECTS && current.statusCode() / 100 == 3; i++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location")
                    .orElseThrow(() -> new KeycloakException(what + ": redirect without Location")));
            current = send(HttpRequest.newBuilder(next).GET(), cookies, what);
        }
        if (current.statusCode() != 200) {
            throw new KeycloakException(what + " failed: HTTP " + current.statusCode());
        }
        return current;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies, String what) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new KeycloakException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException(what + " interrupted", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The first form of a page: its action and the named inputs with their values (HTML entities decoded). */
    private record HtmlForm(String action, Map<String, String> fields) {

        static HtmlForm first(String html, String what) {
            Matcher form = FORM.matcher(html);
            if (!form.find()) {
                throw new KeycloakException(what + ": the page has no form");
            }
            String text = form.group();
            Matcher action = ACTION.matcher(text);
            if (!action.find()) {
                throw new KeycloakException(what + ": the form has no action");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(text);
            while (input.find()) {
                Matcher name = NAME.matcher(input.group());
                if (name.find()) {
                    Matcher value = VALUE.matcher(input.group());
                    fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
                }
            }
            return new HtmlForm(unescape(action.group(1)), fields);
        }

        private static String unescape(String text) {
            String result = text;
            for (List<String> entity : List.of(List.of("&quot;", "\""), List.of("&#39;", "'"), List.of("&#x27;", "'"),
                    List.of("&lt;", "<"), List.of("&gt;", ">"), List.of("&#x3d;", "="), List.of("&#61;", "="),
                    List.of("&amp;", "&"))) {
                result = result.replace(entity.get(0), entity.get(1));
            }
            return result;
        }
    }
}
