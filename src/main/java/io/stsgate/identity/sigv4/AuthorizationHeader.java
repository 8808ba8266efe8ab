package io.stsgate.identity.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Parses the header form: {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sts/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<64 hex>}, with the date from {@code X-Amz-Date} or {@code Date} and the
 * session token from {@code X-Amz-Security-Token}.
 */
final class AuthorizationHeader {

    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";

    private AuthorizationHeader() {
    }

    static Outcome<SignatureParameters> parse(String authorization, RequestHeaders headers) {
        String value = authorization.strip();
        int space = firstWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(SignatureParameters.ALGORITHM)) {
            return incomplete(algorithm.matches("[A-Za-z0-9-]{1,40}")
                    ? "Unsupported AWS 'algorithm': '" + algorithm + "'."
                    : "Unsupported Authorization header scheme.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        if (!rest.isEmpty()) {
            for (String component : rest.split(",", -1)) {
                String part = component.strip();
                int equals = part.indexOf('=');
                if (equals < 0) {
                    return incomplete("'" + Messages.quote(part)
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header.");
                }
                String key = part.substring(0, equals).strip();
                String partValue = part.substring(equals + 1).strip();
                switch (key) {
                    case CREDENTIAL -> {
                        if (credential != null) {
                            return duplicate(key);
                        }
                        credential = partValue;
                    }
                    case SIGNED_HEADERS -> {
                        if (signedHeaders != null) {
                            return duplicate(key);
                        }
                        signedHeaders = partValue;
                    }
                    case SIGNATURE -> {
                        if (signature != null) {
                            return duplicate(key);
                        }
                        signature = partValue;
                    }
                    default -> {
                        return incomplete("'" + Messages.quote(key)
                                + "' is not a valid parameter of the Authorization header.");
                    }
                }
            }
        }
        List<String> amzDates = headers.values("x-amz-date");
        List<String> dates = headers.values("date");
        boolean hasDate = !amzDates.isEmpty() || !dates.isEmpty();
        if (credential == null || signedHeaders == null || signature == null || !hasDate) {
            StringBuilder message = new StringBuilder();
            if (credential == null) {
                message.append("Authorization header requires 'Credential' parameter. ");
            }
            if (signature == null) {
                message.append("Authorization header requires 'Signature' parameter. ");
            }
            if (signedHeaders == null) {
                message.append("Authorization header requires 'SignedHeaders' parameter. ");
            }
            if (!hasDate) {
                message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            }
            return incomplete(message.toString().strip());
        }

        Outcome<CredentialScope> scope = CredentialScope.parse(credential);
        if (scope.failed()) {
            return Outcome.rejected(scope.rejection());
        }

        String amzDate;
        Instant signedAt;
        if (!amzDates.isEmpty()) {
            if (amzDates.size() > 1) {
                return incomplete("The request contains more than one 'X-Amz-Date' header.");
            }
            amzDate = amzDates.get(0) == null ? "" : amzDates.get(0).strip();
            Optional<Instant> parsed = AmzDate.parseBasic(amzDate);
            if (parsed.isEmpty()) {
                return incomplete(badDate(amzDate));
            }
            signedAt = parsed.get();
        } else {
            if (dates.size() > 1) {
                return incomplete("The request contains more than one 'Date' header.");
            }
            Optional<Instant> parsed = AmzDate.parseHttpDate(dates.get(0));
            if (parsed.isEmpty()) {
                return incomplete("The 'Date' header must be an HTTP date (RFC 1123), got '" + Messages.quote(dates.get(0))
                        + "'.");
            }
            signedAt = parsed.get();
            amzDate = AmzDate.format(signedAt);
        }

        Outcome<List<String>> names = SignedHeaderList.parse(signedHeaders);
        if (names.failed()) {
            return Outcome.rejected(names.rejection());
        }

        List<String> tokens = headers.values("x-amz-security-token");
        if (tokens.size() > 1) {
            return incomplete("The request contains more than one 'X-Amz-Security-Token' header.");
        }
        String token = tokens.isEmpty() ? null : tokens.get(0);
        if (token != null && !names.value().contains("x-amz-security-token")) {
            return incomplete("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return Outcome.ok(new SignatureParameters(false, scope.value(), signedHeaders, names.value(), signature,
                amzDate, signedAt, 0, token));
    }

    static String badDate(String amzDate) {
        return "Date must be in ISO-8601 'basic format'. Got '" + Messages.quote(amzDate)
                + "'. See http://en.wikipedia.org/wiki/ISO_8601";
    }

    private static int firstWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome<SignatureParameters> duplicate(String key) {
        return incomplete("Authorization header contains the '" + key + "' parameter more than once.");
    }

    private static Outcome<SignatureParameters> incomplete(String message) {
        return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE, message);
    }
}
