package io.stsgate.identity.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified ID token, in plain Java values only.
 *
 * @param providerArn the ARN of the provider that verified it
 * @param issuer its {@code iss}, equal to the provider's issuer
 * @param subject its {@code sub}
 * @param audiences its {@code aud}, as a list even when the token has a single string
 * @param authorizedParty its {@code azp}, or null when absent
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 * @param claims every claim: String, Long, Double, Boolean, null, List and Map values, unmodifiable, in token order
 */
public record VerifiedToken(String providerArn, String issuer, String subject, List<String> audiences,
        String authorizedParty, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {

    public VerifiedToken {
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audiences = List.copyOf(audiences);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claims, "claims");
    }

    /**
     * The claim at {@code path}: member names separated by dots descend into objects ({@code "groups"},
     * {@code "realm_access.roles"}); a name containing dots is written as a JSON string in brackets
     * ({@code "[\"https://aws.amazon.com/tags\"].principal_tags"}). Empty when any step is missing or the value is
     * JSON null.
     *
     * @throws IllegalArgumentException if the path does not follow the syntax
     */
    public Optional<Object> claim(String path) {
        return Optional.ofNullable(ClaimPath.resolve(claims, path));
    }

    /**
     * The claim at {@code path} as strings: a string, number or boolean gives one value; an array of such gives one
     * value per element. Empty when absent, null, an object, or an array holding anything else.
     */
    public List<String> claimValues(String path) {
        Object value = ClaimPath.resolve(claims, path);
        if (isScalar(value)) {
            return List.of(String.valueOf(value));
        }
        if (value instanceof List<?> list) {
            List<String> values = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!isScalar(element)) {
                    return List.of();
                }
                values.add(String.valueOf(element));
            }
            return List.copyOf(values);
        }
        return List.of();
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** Names the subject and provider only: claims may hold personal data and stay out of logs. */
    @Override
    public String toString() {
        return "VerifiedToken[providerArn=" + providerArn + ", subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
