package io.stsgate.api.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.stsgate.directory.store.StoredEntry;

/**
 * One page of a list: at most {@code maxItems} entries after the key in {@code nextToken}. Lists are ordered by key,
 * so walking the pages visits every entry once even while entries are added or removed elsewhere. The token is the
 * base64url of the list's name and the last key returned: opaque to clients, and refused on another list.
 */
record PageRequest(String listing, int maxItems, Optional<String> after) {

    static final int DEFAULT_MAX_ITEMS = 100;
    static final int LIMIT = 1000;

    /** Reads the query parameters of list {@code listing} (kind and parent, such as {@code role 111111111111}). */
    static PageRequest of(String listing, String maxItems, String nextToken) {
        return new PageRequest(listing, maxItems(maxItems), after(listing, nextToken));
    }

    /** The page of {@code sorted} (ordered by key) this request asks for. */
    Page page(List<StoredEntry> sorted) {
        List<StoredEntry> rest = after.map(key -> sorted.stream().filter(e -> e.key().compareTo(key) > 0).toList())
                .orElse(sorted);
        if (rest.size() <= maxItems) {
            return new Page(rest, Optional.empty());
        }
        List<StoredEntry> items = rest.subList(0, maxItems);
        return new Page(items, Optional.of(token(listing, items.get(items.size() - 1).key())));
    }

    record Page(List<StoredEntry> items, Optional<String> nextToken) {
    }

    static String token(String listing, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static int maxItems(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_MAX_ITEMS;
        }
        try {
            // ASCII digits only: parseInt alone also reads "+5" and other scripts' digits.
            int value = text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(text)
                    : -1;
            if (value >= 1 && value <= LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw AdminProblem.invalid("maxItems", "maxItems: must be a whole number from 1 to " + LIMIT);
    }

    private static Optional<String> after(String listing, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        String prefix = listing + "\n";
        if (!decoded.startsWith(prefix) || decoded.length() == prefix.length()) {
            throw AdminProblem.invalid("nextToken", "nextToken: not a token of this list; pass nextToken exactly as "
                    + "the previous page returned it");
        }
        return Optional.of(decoded.substring(prefix.length()));
    }
}
