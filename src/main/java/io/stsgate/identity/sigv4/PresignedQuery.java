package io.stsgate.identity.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Parses the presigned (query-string) form: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
 * {@code X-Amz-Expires} (1..604800), {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature} and the optional
 * {@code X-Amz-Security-Token}.
 */
final class PresignedQuery {

    static final String ALGORITHM = "X-Amz-Algorithm";
    static final String CREDENTIAL = "X-Amz-Credential";
    static final String DATE = "X-Amz-Date";
    static final String EXPIRES = "X-Amz-Expires";
    static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String SIGNATURE = "X-Amz-Signature";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";

    /** SigV4's longest presigned lifetime: seven days. */
    static final long MAX_EXPIRES = 604_800;

    private static final List<String> REQUIRED = List.of(ALGORITHM, CREDENTIAL, SIGNATURE, SIGNED_HEADERS, DATE,
            EXPIRES);

    private PresignedQuery() {
    }

    /** Whether the query carries presigned-URL authentication parameters. */
    static boolean isPresigned(QueryString query) {
        return query.contains(ALGORITHM) || query.contains(CREDENTIAL) || query.contains(SIGNATURE);
    }

    static Outcome<SignatureParameters> parse(QueryString query) {
        StringBuilder missing = new StringBuilder();
        for (String name : REQUIRED) {
            List<String> values = query.values(name);
            if (values.isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            } else if (values.size() > 1) {
                return incomplete("The query string contains '" + name + "' more than once.");
            }
        }
        if (missing.length() > 0) {
            return incomplete(missing.append("Re-examine the query-string parameters.").toString());
        }
        String algorithm = single(query, ALGORITHM);
        if (!algorithm.equals(SignatureParameters.ALGORITHM)) {
            return incomplete(algorithm.matches("[A-Za-z0-9-]{1,40}")
                    ? "Unsupported AWS 'algorithm': '" + algorithm + "'."
                    : "Unsupported X-Amz-Algorithm.");
        }
        Outcome<CredentialScope> scope = CredentialScope.parse(single(query, CREDENTIAL));
        if (scope.failed()) {
            return Outcome.rejected(scope.rejection());
        }
        String amzDate = single(query, DATE);
        Optional<Instant> signedAt = AmzDate.parseBasic(amzDate);
        if (signedAt.isEmpty()) {
            return incomplete(AuthorizationHeader.badDate(amzDate));
        }
        Outcome<Long> expires = expires(single(query, EXPIRES));
        if (expires.failed()) {
            return Outcome.rejected(expires.rejection());
        }
        String signedHeaders = single(query, SIGNED_HEADERS);
        Outcome<List<String>> names = SignedHeaderList.parse(signedHeaders);
        if (names.failed()) {
            return Outcome.rejected(names.rejection());
        }
        List<String> tokens = query.values(SECURITY_TOKEN);
        if (tokens.size() > 1) {
            return incomplete("The query string contains '" + SECURITY_TOKEN + "' more than once.");
        }
        return Outcome.ok(new SignatureParameters(true, scope.value(), signedHeaders, names.value(),
                single(query, SIGNATURE), amzDate, signedAt.get(), expires.value(),
                tokens.isEmpty() ? null : tokens.get(0)));
    }

    private static Outcome<Long> expires(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (value.startsWith("-") && value.length() > 1 && value.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be non-negative");
            }
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
        }
        long seconds = Long.parseLong(value);
        if (seconds < 1) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be at least 1 second");
        }
        if (seconds > MAX_EXPIRES) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                    "X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES);
        }
        return Outcome.ok(seconds);
    }

    private static String single(QueryString query, String name) {
        return query.values(name).get(0);
    }

    private static Outcome<SignatureParameters> incomplete(String message) {
        return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE, message);
    }
}
