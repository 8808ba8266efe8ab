package io.stsgate.directory;

import static io.stsgate.directory.EntryChecks.quoted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the identity providers of a directory file: OIDC issuers (one entry per issuer across the file) and SAML IdPs
 * (from PEM certificates, metadata, or both).
 */
final class ProviderEntryReader {

    private final EntryChecks checks;
    private final Map<String, OidcProvider> oidcProviders = new LinkedHashMap<>();
    private final Map<String, SamlProvider> samlProviders = new LinkedHashMap<>();

    ProviderEntryReader(EntryChecks checks) {
        this.checks = checks;
    }

    /** The OIDC providers read so far, by issuer URL. */
    Map<String, OidcProvider> oidcProviders() {
        return oidcProviders;
    }

    Map<String, SamlProvider> samlProviders() {
        return samlProviders;
    }

    void samlProvider(String account, DirectoryFile.SamlProviderEntry entry, String where) {
        String name = entry.name();
        if (name == null || !name.matches("[\\w._-]{1,128}")) {
            throw checks.fail(where, "name: must be 1 to 128 characters of letters, digits and ._-, got " + quoted(name));
        }
        String at = where + " '" + name + "'";
        SamlIdpMetadata metadata = null;
        if (entry.metadata() != null) {
            try {
                metadata = SamlIdpMetadataParser.parse(entry.metadata());
            } catch (SamlMetadataException e) {
                throw checks.fail(at, "metadata: " + e.getMessage());
            }
        }
        String entityId = entry.entityId();
        if (metadata != null && entityId != null && !entityId.equals(metadata.entityId())) {
            throw checks.fail(at, "entityId: " + quoted(entityId) + " differs from the metadata's entityID "
                    + quoted(metadata.entityId()) + "; give one of them");
        }
        if (metadata != null) {
            entityId = metadata.entityId();
        }
        if (entityId == null || entityId.isBlank() || entityId.length() > 1024) {
            throw checks.fail(at, "entityId: the IdP's entity id (the Issuer of its assertions) is required, "
                    + "or its metadata");
        }
        var certificates = new ArrayList<java.security.cert.X509Certificate>();
        if (metadata != null) {
            certificates.addAll(metadata.signingCertificates());
        }
        var pems = entry.signingCertificates() == null ? List.<String> of() : entry.signingCertificates();
        for (String pem : pems) {
            var certificate = PemCertificates.parse(pem).orElseThrow(() -> checks.fail(at,
                    "signingCertificates: entry is not a PEM X.509 certificate"));
            if (!certificates.contains(certificate)) {
                certificates.add(certificate);
            }
        }
        if (certificates.isEmpty() || certificates.size() > SamlIdpMetadataParser.MAX_SIGNING_CERTIFICATES) {
            throw checks.fail(at, "signingCertificates: between 1 and " + SamlIdpMetadataParser.MAX_SIGNING_CERTIFICATES
                    + " certificates are required (PEM here, or in the metadata), got " + certificates.size());
        }
        String ssoUrl = entry.ssoUrl() != null || metadata == null ? entry.ssoUrl()
                : metadata.ssoUrl().orElse(null);
        if (ssoUrl != null) {
            String source = entry.ssoUrl() != null ? "ssoUrl" : "metadata: SingleSignOnService Location";
            String url = ssoUrl;
            SsoUrls.check(ssoUrl).ifPresent(problem -> {
                throw checks.fail(at, source + ": " + quoted(url) + " " + problem
                        + (entry.ssoUrl() == null ? " (set ssoUrl to override it)" : ""));
            });
        }
        var provider = new SamlProvider(account, name, entityId, certificates, ssoUrl);
        if (samlProviders.containsKey(provider.arn())) {
            throw checks.fail(at, "name: duplicate SAML provider");
        }
        samlProviders.put(provider.arn(), provider);
    }

    void oidcProvider(String account, DirectoryFile.OidcProviderEntry entry, String where) {
        String url = entry.url();
        if (url == null || url.isBlank()) {
            throw checks.fail(where, "url: is required (the issuer, exactly as in the tokens' iss claim)");
        }
        String at = where + " '" + url + "'";
        boolean insecureAllowed = Boolean.TRUE.equals(entry.allowInsecureHttp());
        IssuerUrls.check(url, insecureAllowed).ifPresent(problem -> {
            throw checks.fail(at, "url: " + problem);
        });
        if (oidcProviders.containsKey(url)) {
            throw checks.fail(at, "url: this issuer is already registered; an issuer is trusted by one entry only");
        }
        var clientIds = entry.clientIds() == null ? List.<String> of() : entry.clientIds();
        if (clientIds.isEmpty() || clientIds.size() > 100) {
            throw checks.fail(at, "clientIds: between 1 and 100 client ids (audiences) are required");
        }
        for (String clientId : clientIds) {
            if (clientId == null || clientId.isEmpty() || clientId.length() > 255) {
                throw checks.fail(at, "clientIds: each client id must be 1 to 255 characters");
            }
        }
        var algorithms = entry.allowedAlgorithms() == null ? OidcProvider.DEFAULT_ALGORITHMS
                : entry.allowedAlgorithms();
        if (algorithms.isEmpty()) {
            throw checks.fail(at, "allowedAlgorithms: must not be empty");
        }
        for (String alg : algorithms) {
            if (!OidcProvider.SUPPORTED_ALGORITHMS.contains(alg)) {
                throw checks.fail(at, "allowedAlgorithms: " + quoted(alg) + " is not allowed; use asymmetric "
                        + "algorithms only: " + String.join(", ", OidcProvider.DEFAULT_ALGORITHMS));
            }
        }
        var skew = entry.clockSkew() == null ? OidcProvider.DEFAULT_CLOCK_SKEW : entry.clockSkew();
        if (skew.isNegative() || skew.compareTo(java.time.Duration.ofMinutes(5)) > 0) {
            throw checks.fail(at, "clockSkew: must be between PT0S and PT5M");
        }
        if (entry.maxTokenAge() != null && (entry.maxTokenAge().isNegative() || entry.maxTokenAge().isZero())) {
            throw checks.fail(at, "maxTokenAge: must be positive");
        }
        java.util.Optional<String> jwks = java.util.Optional.empty();
        if (entry.jwks() != null && !entry.jwks().isNull()) {
            String text = checks.text(entry.jwks());
            try {
                JsonNode keys = EntryChecks.JSON.readTree(text).path("keys");
                if (!keys.isArray() || keys.isEmpty()) {
                    throw checks.fail(at, "jwks: must be a JWKS document with a non-empty 'keys' array");
                }
            } catch (JacksonException e) {
                throw checks.fail(at, "jwks: not valid JSON");
            }
            jwks = java.util.Optional.of(text);
        }
        var tagClaims = entry.tagClaims() == null ? Map.<String, String> of() : entry.tagClaims();
        tagClaims.forEach((tag, claim) -> {
            if (tag == null || !EntryChecks.TAG_KEY.matcher(tag).matches() || tag.length() > 128) {
                throw checks.fail(at, "tagClaims: invalid tag key " + quoted(tag));
            }
            if (tag.regionMatches(true, 0, "aws:", 0, 4)) {
                throw checks.fail(at, "tagClaims: tag key " + quoted(tag) + " begins with aws:, which is reserved");
            }
            if (claim == null || claim.isBlank()) {
                throw checks.fail(at, "tagClaims." + tag + ": the claim path is required");
            }
        });
        oidcProviders.put(url, new OidcProvider(account, url, clientIds, algorithms, skew,
                java.util.Optional.ofNullable(entry.maxTokenAge()), jwks, insecureAllowed, tagClaims));
    }
}
