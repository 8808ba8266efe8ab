package io.stsgate.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys of one request. Keys are case-insensitive; every key holds a list of values
 * (single-valued keys hold one). Immutable. {@link #toString()} never shows values, which may be
 * secret (external ids, token claims).
 */
public final class RequestContext {

    private static final RequestContext EMPTY = new RequestContext(Map.of());

    /** Lower-cased keys to immutable value lists; never exposed, so never modified. */
    private final Map<String, List<String>> values;

    private RequestContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    /** The values of a key, in any case; empty when the request does not carry the key. */
    public Optional<List<String>> values(String key) {
        return Optional.ofNullable(values.get(normalize(key)));
    }

    /** The keys present, lower-cased. */
    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** Lookup by an already lower-cased key, without allocating; null when absent. */
    List<String> lookup(String lowerKey) {
        return values.get(lowerKey);
    }

    static String normalize(String key) {
        if (key.length() > MAX_CACHED_KEY) {
            return key.toLowerCase(Locale.ROOT);
        }
        // Two ways per hash slot, so that two keys that share a slot do not evict each other every time.
        int slot = key.hashCode() & (LOWERED.length - 1);
        Lowered cached = LOWERED[slot];
        if (cached != null && cached.key().equals(key)) {
            return cached.lower();
        }
        Lowered other = LOWERED[slot ^ 1];
        if (other != null && other.key().equals(key)) {
            return other.lower();
        }
        String lower = key.toLowerCase(Locale.ROOT);
        LOWERED[cached == null ? slot : slot ^ 1] = new Lowered(key, lower);
        return lower;
    }

    /** A key and its lower-case form; immutable, so the racy cache below can only ever hold true pairs. */
    private record Lowered(String key, String lower) {
    }

    private static final int MAX_CACHED_KEY = 128;
    /**
     * Recently lower-cased keys by hash slot. Policies and requests name the same few keys again and
     * again; a bounded, lock-free cache saves re-lower-casing (and allocating) them every time.
     */
    private static final Lowered[] LOWERED = new Lowered[256];

    @Override
    public String toString() {
        return "RequestContext" + values.keySet();
    }

    /** Collects values; adding to a key twice appends. */
    public static final class Builder {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            Objects.requireNonNull(value, "value");
            values.computeIfAbsent(normalize(key), k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder putAll(String key, Collection<String> keyValues) {
            List<String> list = values.computeIfAbsent(normalize(key), k -> new ArrayList<>());
            for (String value : keyValues) {
                list.add(Objects.requireNonNull(value, "value"));
            }
            return this;
        }

        public RequestContext build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
            // Never handed out, so no read-only wrapper: lookups are on the hot path.
            return new RequestContext(copy);
        }
    }
}
