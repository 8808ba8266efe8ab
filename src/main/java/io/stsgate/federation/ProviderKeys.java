package io.stsgate.federation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys one token or assertion yields, each fed by exactly one claim, attribute or element. Condition
 * keys compare without case, so two sources whose key names are equal once lower-cased (a claim {@code Sub} next to
 * {@code sub}, a top-level claim literally named {@code realm_access.roles} next to the nested one) would add values
 * to one key; such a pair is recorded as a collision instead, and the keys AWS defines accept only the sources AWS
 * reads for them.
 */
final class ProviderKeys {

    /** Two sources that would feed one condition key. */
    record Collision(String key, String first, String second) {
    }

    private final String prefix;
    /** Lower-cased key name to the sources allowed to feed it (the keys AWS defines). */
    private final Map<String, Set<String>> reserved = new HashMap<>();
    /** Lower-cased key name to the source that fed it. */
    private final Map<String, String> fedBy = new HashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private Collision collision;

    ProviderKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Key {@code name} (without prefix) takes values only from one of {@code sources}. */
    ProviderKeys reserve(String name, Set<String> sources) {
        reserved.put(lower(name), Set.copyOf(sources));
        return this;
    }

    /**
     * Adds key {@code name} (without prefix) with {@code values} from {@code source}; records the first collision and
     * adds nothing when another source already fed a key of that name, or the key is reserved for other sources.
     */
    void add(String name, String source, List<String> values) {
        String lower = lower(name);
        var allowed = reserved.get(lower);
        if (allowed != null && !allowed.contains(source)) {
            collide(name, String.join(" or ", allowed.stream().sorted().toList()), source);
            return;
        }
        String earlier = fedBy.putIfAbsent(lower, source);
        if (earlier != null) {
            collide(name, earlier, source);
            return;
        }
        keys.put(prefix + name, values);
    }

    int size() {
        return keys.size();
    }

    Optional<Collision> collision() {
        return Optional.ofNullable(collision);
    }

    /** The keys, fully qualified with the prefix. */
    Map<String, List<String>> keys() {
        return keys;
    }

    private void collide(String name, String first, String second) {
        if (collision == null) {
            collision = new Collision(prefix + name, first, second);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
