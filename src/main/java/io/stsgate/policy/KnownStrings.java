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
    /** The String hash of each {@link #TABLE} entry: probing reads these ints, not the strings. */
    private static final int[] HASHES = new int[MASK + 1];
    /** The characters of each {@link #TABLE} entry, compared against the text without making a string. */
    private static final char[][] CHARS = new char[MASK + 1][];
    /** The length of the longest entry: longer strings are never hashed for a lookup. */
    private static final int MAX_LENGTH;
    /**
     * A bit per {@link #shape} of the entries. Half a kilobyte, so it stays in cache; most strings are
     * ruled out by one bit, before they are hashed.
     */
    private static final long[] SHAPES = new long[64];

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
            HASHES[slot] = known.hashCode();
            CHARS[slot] = known.toCharArray();
            longest = Math.max(longest, known.length());
            int shape = shape(known.length(), known.charAt(0), known.charAt(known.length() - 1));
            SHAPES[shape >>> 6] |= 1L << shape;
        }
        MAX_LENGTH = longest;
    }

    /** A 12-bit mix of a string's length, first and last characters. */
    private static int shape(int length, char first, char last) {
        return ((length * 31 + first) * 31 + last) & 4095;
    }

    private KnownStrings() {
    }

    /** Whether {@code chars[from, to)} may be a known string; cheap, and false for most strings. */
    static boolean mayBeKnown(char[] chars, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LENGTH) {
            return false;
        }
        int shape = shape(length, chars[from], chars[to - 1]);
        return (SHAPES[shape >>> 6] & (1L << shape)) != 0;
    }

    /** The shared instance equal to {@code chars[from, to)}, whose String hash is {@code hash}; or null. */
    static String find(char[] chars, int from, int to, int hash) {
        int length = to - from;
        for (int slot = hash & MASK; TABLE[slot] != null; slot = (slot + 1) & MASK) {
            if (HASHES[slot] == hash && CHARS[slot].length == length && same(chars, from, CHARS[slot])) {
                return TABLE[slot];
            }
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
