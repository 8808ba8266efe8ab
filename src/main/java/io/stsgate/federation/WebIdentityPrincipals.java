package io.stsgate.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.FederationKind;
import io.stsgate.engine.SessionTag;
import io.stsgate.engine.SessionTagRules;
import io.stsgate.engine.StsException;
import io.stsgate.engine.StsSyntax;
import io.stsgate.identity.oidc.VerifiedToken;

/**
 * Turns a verified ID token into what trust policies test. Condition keys are {@code HOST/PATH:claim}: AWS's
 * {@code aud}, {@code oaud}, {@code sub}, {@code azp}, {@code amr}, and beyond AWS every other claim, nested claims by
 * dotted path ({@code HOST/PATH:realm_access.roles}), arrays as multi-valued keys for {@code ForAnyValue:} and
 * {@code ForAllValues:}. Each key has exactly one source: a token whose claim names collide once case is ignored
 * ({@code Sub} next to {@code sub}), or a dotted top-level name with a nested path, or another claim with a key AWS
 * defines, is refused, since leaving one key out could make an {@code IfExists} or {@code ForAllValues:} condition
 * pass. Session tags come from the {@code https://aws.amazon.com/tags} claim and the provider's tag
 * rules; the source identity from {@code https://aws.amazon.com/source_identity}.
 */
public final class WebIdentityPrincipals {

    static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
    static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
    private static final Pattern CLAIM_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_DEPTH = 5;
    private static final int MAX_KEYS = 256;
    private static final int MAX_VALUES = 100;
    private static final int MAX_VALUE_CHARS = 1024;
    /** The keys AWS defines and the only claims that feed them ({@code oaud} is every {@code aud}). */
    private static final Map<String, Set<String>> RESERVED = Map.of("aud", Set.of("aud"), "oaud", Set.of("aud"),
            "sub", Set.of("sub"), "azp", Set.of("azp"), "amr", Set.of("amr"));

    private WebIdentityPrincipals() {
    }

    public static FederatedPrincipal of(VerifiedToken token, OidcProvider provider) {
        String audience = audience(token, provider);
        var keys = new ProviderKeys(provider.hostAndPath() + ":");
        RESERVED.forEach(keys::reserve);
        keys.add("aud", "aud", List.of(audience));
        keys.add("oaud", "aud", token.audiences());
        keys.add("sub", "sub", List.of(token.subject()));
        flatten(token.claims(), "", "", keys, 0);
        keys.collision().ifPresent(c -> {
            throw new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.TOKEN_CLAIM_NAME_COLLISION,
                    "The web identity token carries claims whose names collide as condition keys: " + c.first()
                            + " and " + c.second(),
                    "claims " + c.first() + " and " + c.second() + " both name the condition key " + c.key());
        });
        var tags = new ArrayList<SessionTag>();
        var transitive = new ArrayList<String>();
        tagsClaim(token.claims().get(TAGS_CLAIM), tags, transitive);
        tagRules(token, provider, tags);
        return new FederatedPrincipal(FederationKind.WEB_IDENTITY, provider.arn(), token.issuer(), token.subject(),
                audience, keys.keys(), tags, transitive, sourceIdentity(token.claims().get(SOURCE_IDENTITY_CLAIM)),
                null);
    }

    /** The client id the token was accepted for: {@code azp} when it is one, else the first matching audience. */
    private static String audience(VerifiedToken token, OidcProvider provider) {
        if (token.authorizedParty() != null && provider.clientIds().contains(token.authorizedParty())) {
            return token.authorizedParty();
        }
        return token.audiences().stream().filter(provider.clientIds()::contains).findFirst()
                .orElse(token.audiences().get(0));
    }

    /**
     * Every claim as a key named by its dotted path; {@code source} is the same path in the claim path syntax of tag
     * rules, where a member name holding a dot is quoted, so a dotted top-level name and a nested path stay apart.
     * {@code aud} and {@code sub} are added by {@link #of} already.
     */
    private static void flatten(Map<String, Object> claims, String path, String source, ProviderKeys keys,
            int depth) {
        for (var claim : claims.entrySet()) {
            String member = claim.getKey();
            if (keys.size() >= MAX_KEYS || !CLAIM_NAME.matcher(member).matches()
                    || (depth == 0 && (member.equals("aud") || member.equals("sub")))) {
                continue;
            }
            String name = path + member;
            String quoted = member.indexOf('.') >= 0 ? "[\"" + member + "\"]" : null;
            String memberSource = depth == 0 ? (quoted == null ? member : quoted)
                    : source + (quoted == null ? "." + member : quoted);
            Object value = claim.getValue();
            if (value instanceof Map<?, ?> nested && depth < MAX_DEPTH) {
                flatten(stringKeyed(nested), name + ".", memberSource, keys, depth + 1);
            } else {
                var values = scalars(value);
                if (!values.isEmpty()) {
                    keys.add(name, memberSource, values);
                }
            }
        }
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        var result = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    /** Strings of a scalar or an array of scalars; nothing for objects or arrays of objects. */
    private static List<String> scalars(Object value) {
        var result = new ArrayList<String>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (result.size() < MAX_VALUES && scalar(item)) {
                    addBounded(result, String.valueOf(item));
                }
            }
        } else if (scalar(value)) {
            addBounded(result, String.valueOf(value));
        }
        return result;
    }

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static void addBounded(List<String> values, String value) {
        if (value.length() <= MAX_VALUE_CHARS) {
            values.add(value);
        }
    }

    /** {@code {"principal_tags": {"Project": ["Automation"]}, "transitive_tag_keys": ["Project"]}} */
    private static void tagsClaim(Object claim, List<SessionTag> tags, List<String> transitive) {
        if (claim == null) {
            return;
        }
        if (!(claim instanceof Map<?, ?> map)) {
            throw invalidClaims("the " + TAGS_CLAIM + " claim is not an object");
        }
        Object principalTags = map.get("principal_tags");
        if (principalTags instanceof Map<?, ?> byKey) {
            byKey.forEach((key, value) -> tags.add(new SessionTag(String.valueOf(key), singleValue(key, value))));
        } else if (principalTags != null) {
            throw invalidClaims("principal_tags in the " + TAGS_CLAIM + " claim is not an object");
        }
        Object keys = map.get("transitive_tag_keys");
        if (keys instanceof List<?> list) {
            list.forEach(k -> transitive.add(String.valueOf(k)));
        } else if (keys != null) {
            throw invalidClaims("transitive_tag_keys in the " + TAGS_CLAIM + " claim is not an array");
        }
    }

    private static String singleValue(Object key, Object value) {
        if (value instanceof List<?> list && list.size() == 1 && scalar(list.get(0))) {
            return String.valueOf(list.get(0));
        }
        if (scalar(value)) {
            return String.valueOf(value);
        }
        throw invalidClaims("session tag " + key + " must have exactly one value");
    }

    /** Beyond AWS: the provider's rules map claims to tags, for tags the tags claim did not already set. */
    private static void tagRules(VerifiedToken token, OidcProvider provider, List<SessionTag> tags) {
        var present = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        tags.forEach(t -> present.add(t.key()));
        provider.tagClaims().forEach((tagKey, claimPath) -> {
            if (present.contains(tagKey)) {
                return;
            }
            var values = token.claimValues(claimPath);
            if (values.size() == 1) {
                tags.add(new SessionTag(tagKey, values.get(0)));
            }
        });
        SessionTagRules.problem(tags).ifPresent(problem -> {
            throw invalidClaims(problem);
        });
    }

    private static String sourceIdentity(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = String.valueOf(claim);
        if (!(claim instanceof String) || value.length() < 2 || value.length() > 64
                || !StsSyntax.SESSION_NAME.matcher(value).matches()
                || value.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw invalidClaims("the source identity claim must be 2 to 64 characters of [\\w+=,.@-], not "
                    + "beginning with aws:");
        }
        return value;
    }

    private static StsException invalidClaims(String detail) {
        return new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.TOKEN_CLAIMS_INVALID,
                "The web identity token carries invalid session claims: " + detail, detail);
    }
}
