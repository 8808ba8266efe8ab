package io.stsgate.policy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of a JSON object in document order, read-only once the reader is done. Policy objects
 * are small, so members live in two arrays and are found by a linear scan (keys are mostly the
 * reader's shared instances, so identity usually answers); past {@link #SCAN_LIMIT} members a hash
 * index keeps lookups, and therefore reading, linear in the size of the document.
 */
final class JsonMembers extends AbstractMap<String, JsonValue> {

    static final int SCAN_LIMIT = 8;

    private String[] keys;
    private int[] hashes;
    private JsonValue[] values;
    private int size;
    private HashMap<String, Integer> index;
    private Set<Map.Entry<String, JsonValue>> entries;

    JsonMembers() {
        keys = new String[4];
        hashes = new int[4];
        values = new JsonValue[4];
    }

    /**
     * Members the reader has collected, with distinct keys; the arrays, of equal length, become this
     * table's own.
     */
    JsonMembers(String[] keys, int[] hashes, JsonValue[] values) {
        this.keys = keys;
        this.hashes = hashes;
        this.values = values;
        this.size = keys.length;
        if (size > SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i < size; i++) {
                index.put(keys[i], i);
            }
        }
    }

    /** Adds a member; false (and the earlier value kept) when the key is already present. */
    boolean add(String key, JsonValue value) {
        return add(key, key.hashCode(), value);
    }

    /** {@link #add(String, JsonValue)} with the key's hash code already known to the caller. */
    boolean add(String key, int hash, JsonValue value) {
        if (index != null ? index.containsKey(key) : scan(key, hash) >= 0) {
            return false;
        }
        if (size == keys.length) {
            int capacity = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        hashes[size] = hash;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size == SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(keys[i], i);
            }
        }
        size++;
        return true;
    }

    private int find(Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        if (!(key instanceof String)) {
            return -1;
        }
        return scan((String) key, key.hashCode());
    }

    private int scan(String key, int hash) {
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && (keys[i] == key || keys[i].equals(key))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonValue put(String key, JsonValue value) {
        throw new UnsupportedOperationException("JSON members are read-only");
    }

    @Override
    public JsonValue get(Object key) {
        int at = find(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, JsonValue>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, JsonValue>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, JsonValue> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
        return entries;
    }
}
