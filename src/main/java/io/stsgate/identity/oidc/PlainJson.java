package io.stsgate.identity.oidc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies parsed JSON into unmodifiable plain Java values: String, Long, Double, Boolean, null, List and Map (in
 * document order). Integers beyond a long become Double, so no parser type leaves the package.
 */
final class PlainJson {

    private PlainJson() {
    }

    static Map<String, Object> copyObject(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object.size() * 2);
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copy(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        return String.valueOf(value);
    }
}
