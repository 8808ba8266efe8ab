package io.stsgate.identity.sigv4;

import java.util.ArrayList;
import java.util.List;

/** Validates a SignedHeaders value: lower-case header names, sorted, no duplicates, {@code host} among them. */
final class SignedHeaderList {

    private SignedHeaderList() {
    }

    static Outcome<List<String>> parse(String signedHeaders) {
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start <= signedHeaders.length()) {
            int end = signedHeaders.indexOf(';', start);
            if (end < 0) {
                end = signedHeaders.length();
            }
            String name = signedHeaders.substring(start, end);
            if (!isLowerCaseToken(name) || (!names.isEmpty() && names.get(names.size() - 1).compareTo(name) >= 0)) {
                return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                        "SignedHeaders must be a ';'-separated, sorted list of lower-case header names.");
            }
            names.add(name);
            start = end + 1;
        }
        if (!names.contains("host")) {
            return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return Outcome.ok(List.copyOf(names));
    }

    /** An RFC 7230 token without upper-case letters. */
    private static boolean isLowerCaseToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
