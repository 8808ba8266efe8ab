package io.stsgate.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.SamlProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.FederationKind;
import io.stsgate.engine.SessionTag;
import io.stsgate.engine.SessionTagRules;
import io.stsgate.engine.StsException;
import io.stsgate.engine.StsSyntax;
import io.stsgate.identity.saml.SamlFailure;
import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * Reads a verified assertion as AWS reads it: the Role attribute (role and provider ARN pairs, either order), the
 * required RoleSessionName, SessionDuration, PrincipalTag:*, TransitiveTagKeys and SourceIdentity; and the trust
 * policy keys {@code saml:aud}, {@code saml:iss}, {@code saml:sub}, {@code saml:sub_type},
 * {@code saml:namequalifier}, {@code saml:doc}, plus every attribute as {@code saml:<Name>}. Each key has exactly one
 * source: an assertion with two attributes whose names are equal once case is ignored, or an attribute named like a
 * key AWS defines ({@code SUB} next to the NameID's {@code saml:sub}), is refused. AssumeRoleWithSAML,
 * the browser sign-in and the explain endpoint all read an assertion through this one class.
 */
public final class SamlPrincipals {

    static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";
    public static final String ROLE = ATTRIBUTES + "Role";
    public static final String ROLE_SESSION_NAME = ATTRIBUTES + "RoleSessionName";
    static final String SESSION_DURATION = ATTRIBUTES + "SessionDuration";
    static final String PRINCIPAL_TAG = ATTRIBUTES + "PrincipalTag:";
    static final String TRANSITIVE_TAG_KEYS = ATTRIBUTES + "TransitiveTagKeys";
    static final String SOURCE_IDENTITY = ATTRIBUTES + "SourceIdentity";
    private static final String NAME_ID_FORMAT_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    /** AWS's friendly keys (without {@code saml:}) for common attribute names. */
    private static final Map<String, String> FRIENDLY = Map.of(
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "edupersonaffiliation",
            "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "edupersonprincipalname",
            "urn:oid:0.9.2342.19200300.100.1.3", "mail",
            "urn:oid:0.9.2342.19200300.100.1.1", "uid",
            "urn:oid:2.5.4.3", "commonName",
            "urn:oid:2.5.4.42", "givenName",
            "urn:oid:2.5.4.4", "surname",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "mail");
    private static final String RECIPIENT = "SubjectConfirmationData Recipient";
    private static final String ISSUER = "Issuer";
    private static final String NAME_ID = "NameID";
    private static final String NAME_ID_FORMAT = "NameID Format";
    private static final String NAME_QUALIFIER = "Issuer and provider (NameQualifier)";
    private static final String PROVIDER = "provider (doc)";
    /** The keys AWS defines and the only elements or attributes that feed them. */
    private static final Map<String, Set<String>> RESERVED = reserved();

    private static Map<String, Set<String>> reserved() {
        var reserved = new HashMap<String, Set<String>>(Map.of("aud", Set.of(RECIPIENT), "iss", Set.of(ISSUER),
                "sub", Set.of(NAME_ID), "sub_type", Set.of(NAME_ID_FORMAT), "namequalifier", Set.of(NAME_QUALIFIER),
                "doc", Set.of(PROVIDER)));
        FRIENDLY.forEach((name, key) -> reserved.merge(key.toLowerCase(Locale.ROOT), Set.of(attribute(name)),
                (a, b) -> {
                    var both = new HashSet<>(a);
                    both.addAll(b);
                    return Set.copyOf(both);
                }));
        return Map.copyOf(reserved);
    }

    private static String attribute(String name) {
        return "attribute " + name;
    }

    private SamlPrincipals() {
    }

    /** The session name the assertion sets; AWS requires it. */
    public static String roleSessionName(VerifiedAssertion assertion) {
        var values = assertion.attributes().getOrDefault(ROLE_SESSION_NAME, List.of());
        if (values.isEmpty()) {
            throw invalid("RoleSessionName is required in AuthnResponse");
        }
        String name = values.get(0);
        if (values.size() != 1 || !name.matches("[a-zA-Z_0-9+=,.@-]{2,64}")) {
            throw invalid("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
        }
        return name;
    }

    /** Whether the Role attribute grants this role through this provider (values in either order). */
    public static boolean grants(VerifiedAssertion assertion, String roleArn, String providerArn) {
        for (String value : assertion.attributes().getOrDefault(ROLE, List.of())) {
            String[] pair = value.split(",");
            if (pair.length == 2) {
                String a = pair[0].trim();
                String b = pair[1].trim();
                if (a.equals(roleArn) && b.equals(providerArn) || a.equals(providerArn) && b.equals(roleArn)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static FederatedPrincipal of(VerifiedAssertion assertion, SamlProvider provider, Clock clock) {
        var keys = new ProviderKeys("saml:");
        RESERVED.forEach(keys::reserve);
        keys.add("aud", RECIPIENT, List.of(assertion.recipient()));
        keys.add("iss", ISSUER, List.of(assertion.issuer()));
        keys.add("sub", NAME_ID, List.of(assertion.nameId()));
        keys.add("sub_type", NAME_ID_FORMAT, List.of(subjectType(assertion.nameIdFormat())));
        keys.add("namequalifier", NAME_QUALIFIER, List.of(nameQualifier(assertion.issuer(), provider)));
        keys.add("doc", PROVIDER, List.of(provider.accountId() + "/" + provider.name()));
        assertion.attributes().forEach((name, values) -> {
            keys.add(name, attribute(name), values);
            String friendly = FRIENDLY.get(name);
            if (friendly != null) {
                keys.add(friendly, attribute(name), values);
            }
        });
        keys.collision().ifPresent(c -> {
            throw new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.SAML_ATTRIBUTE_NAME_COLLISION,
                    "The SAML assertion carries attributes whose names collide as condition keys: " + c.first()
                            + " and " + c.second(),
                    c.first() + " and " + c.second() + " both name the condition key " + c.key());
        });
        var tags = new ArrayList<SessionTag>();
        assertion.attributes().forEach((name, values) -> {
            if (name.startsWith(PRINCIPAL_TAG)) {
                if (values.size() != 1) {
                    throw invalid("session tag " + name.substring(PRINCIPAL_TAG.length()) + " must have one value");
                }
                tags.add(new SessionTag(name.substring(PRINCIPAL_TAG.length()), values.get(0)));
            }
        });
        SessionTagRules.problem(tags).ifPresent(problem -> {
            throw invalid("PrincipalTag attributes in AuthnResponse: " + problem);
        });
        var transitive = assertion.attributes().getOrDefault(TRANSITIVE_TAG_KEYS, List.of());
        return new FederatedPrincipal(FederationKind.SAML, provider.arn(), assertion.issuer(), assertion.nameId(),
                assertion.recipient(), keys.keys(), tags, transitive, sourceIdentity(assertion),
                maxDuration(assertion, clock));
    }

    /** {@code persistent} for the SAML 2.0 formats; other formats unchanged, as AWS reports SubjectType. */
    public static String subjectType(String format) {
        return format.startsWith(NAME_ID_FORMAT_PREFIX) ? format.substring(NAME_ID_FORMAT_PREFIX.length()) : format;
    }

    /** Base64(SHA1(Issuer + AccountId + "/" + ProviderName)), as AWS computes NameQualifier. */
    public static String nameQualifier(String issuer, SamlProvider provider) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(
                    (issuer + provider.accountId() + "/" + provider.name()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    /** SessionDuration and SessionNotOnOrAfter can only shorten the session. */
    private static Integer maxDuration(VerifiedAssertion assertion, Clock clock) {
        Integer max = null;
        var durations = assertion.attributes().getOrDefault(SESSION_DURATION, List.of());
        if (!durations.isEmpty()) {
            try {
                String text = durations.get(0).trim();
                if (!StsSyntax.INTEGER.matcher(text).matches()) {
                    throw new NumberFormatException("not ASCII digits");
                }
                int seconds = Integer.parseInt(text);
                if (seconds < 900 || seconds > 43200) {
                    throw invalid("SessionDuration in AuthnResponse must be between 900 and 43200");
                }
                max = seconds;
            } catch (NumberFormatException e) {
                throw invalid("SessionDuration in AuthnResponse must be an integer");
            }
        }
        if (assertion.sessionNotOnOrAfter() != null) {
            long left = Duration.between(clock.instant(), assertion.sessionNotOnOrAfter()).getSeconds();
            if (left < 900) {
                throw new StsException(ErrorCode.EXPIRED_TOKEN_EXCEPTION, ReasonCode.SAML_EXPIRED,
                        "The SAML session ends in less than 15 minutes (SessionNotOnOrAfter).");
            }
            max = max == null ? (int) Math.min(left, 43200) : (int) Math.min(max, left);
        }
        return max;
    }

    private static String sourceIdentity(VerifiedAssertion assertion) {
        var values = assertion.attributes().getOrDefault(SOURCE_IDENTITY, List.of());
        if (values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        if (values.size() != 1 || !value.matches("[\\w+=,.@-]{2,64}")
                || value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw invalid("SourceIdentity in AuthnResponse must match [\\w+=,.@-]{2,64} and not begin with aws:");
        }
        return value;
    }

    private static StsException invalid(String message) {
        return new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.SAML_ATTRIBUTES_INVALID, message);
    }

    /** The audit reason of a refused assertion, for AssumeRoleWithSAML and the browser sign-in alike. */
    public static ReasonCode refusalReason(SamlFailure failure) {
        return switch (failure) {
            case EXPIRED -> ReasonCode.SAML_EXPIRED;
            case REPLAYED -> ReasonCode.SAML_REPLAYED;
            case REPLAY_CHECK_UNAVAILABLE -> ReasonCode.STORE_UNAVAILABLE;
            case UNSIGNED, BAD_SIGNATURE, WRAPPING -> ReasonCode.SAML_SIGNATURE_INVALID;
            default -> ReasonCode.SAML_INVALID;
        };
    }
}
