package io.stsgate.policy;

/**
 * Keys and values that recur in every policy, and every condition operator name. Reading one of them
 * returns the shared instance, whose hash code is already computed, instead of a new string. Found
 * through an open-addressed table indexed by the string's hash; most strings are ruled out by their
 * length with their first and last characters alone, before they are hashed.
 */
final class KnownStrings {

    private static final String[] COMMON = { "Version", "Id", "Statement", "Sid", "Effect", "Principal",
            "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", "AWS", "Federated", "Service",
            "CanonicalUser", "Allow", "Deny", "*", "2012-10-17", "2008-10-17", "true", "false", "StringEquals",
            "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
            "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BoolIfExists", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null", "StringEqualsIfExists",
            "StringLikeIfExists", "aws:SourceIp", "aws:SecureTransport", "aws:MultiFactorAuthPresent",
            "aws:MultiFactorAuthAge", "aws:RequestedRegion", "aws:PrincipalTag", "aws:username", "aws:userid",
            "aws:CurrentTime", "aws:TokenIssueTime", "aws:SourceArn", "aws:SourceAccount", "aws:PrincipalArn",
            "aws:PrincipalAccount", "aws:PrincipalOrgID", "sts:ExternalId", "s3:prefix" };
    private static final int MASK = 1023;
    private static final String[] TABLE = new String[MASK + 1];
    /** The characters of each {@link #TABLE} entry, compared against the text without making a string. */
    private static final char[][] CHARS = new char[MASK + 1][];
    /** The length of the longest entry: longer strings are never hashed for a lookup. */
    private static final int MAX_LENGTH;
    /** Which lengths and first characters entries have, at {@code length * 256 + first}. */
    private static final boolean[] FIRSTS;
    /** Which lengths and last characters entries have, at {@code length * 256 + last}. */
    private static final boolean[] LASTS;

    static {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(COMMON));
        for (SetQualifier qualifier : SetQualifier.values()) {
            for (ConditionOperator operator : ConditionOperator.values()) {
                all.add(qualifier.prefix() + operator.text());
                all.add(qualifier.prefix() + operator.text() + "IfExists");
            }
        }
        int longest = 0;
        for (String known : all) {
            int slot = known.hashCode() & MASK;
            while (TABLE[slot] != null && !TABLE[slot].equals(known)) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = known;
            CHARS[slot] = known.toCharArray();
            longest = Math.max(longest, known.length());
        }
        MAX_LENGTH = longest;
        FIRSTS = new boolean[(longest + 1) * 256];
        LASTS = new boolean[(longest + 1) * 256];
        for (String known : all) {
            FIRSTS[known.length() * 256 + known.charAt(0)] = true;
            LASTS[known.length() * 256 + known.charAt(known.length() - 1)] = true;
        }
    }

    private KnownStrings() {
    }

    /** Whether {@code chars[from, to)} may be a known string; cheap, and false for most strings. */
    static boolean mayBeKnown(char[] chars, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LENGTH) {
            return false;
        }
        char first = chars[from];
        char last = chars[to - 1];
        return first < 256 && last < 256 && FIRSTS[length * 256 + first] && LASTS[length * 256 + last];
    }

    /** The shared instance equal to {@code chars[from, to)}, whose String hash is {@code hash}; or null. */
    static String find(char[] chars, int from, int to, int hash) {
        int length = to - from;
        int slot = hash & MASK;
        String known = TABLE[slot];
        while (known != null) {
            if (known.hashCode() == hash && known.length() == length && same(chars, from, CHARS[slot])) {
                return known;
            }
            slot = (slot + 1) & MASK;
            known = TABLE[slot];
        }
        return null;
    }

    /** A plain loop: for strings this short it beats Arrays.equals, which is tuned for long ones. */
    private static boolean same(char[] chars, int from, char[] known) {
        for (int i = 0; i < known.length; i++) {
            if (chars[from + i] != known[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#hashCode} of {@code chars[from, to)}. */
    static int hash(char[] chars, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }
}
