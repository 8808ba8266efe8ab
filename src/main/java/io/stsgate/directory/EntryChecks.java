package io.stsgate.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.stsgate.policy.PolicyDocument;
import io.stsgate.policy.PolicyParseException;
import io.stsgate.policy.PolicyParser;

/**
 * The checks every entry kind of a directory file shares (names, paths, tags, policy documents), and the one way a
 * problem is reported: a message naming the file, the entry and the problem. One instance per load.
 */
final class EntryChecks {

    static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");

    private final String fileName;

    EntryChecks(String fileName) {
        this.fileName = fileName;
    }

    boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    PolicyDocument identityPolicy(JsonNode document, String at) {
        if (document == null || document.isNull()) {
            throw fail(at, "is required");
        }
        try {
            return PolicyParser.parseIdentityPolicy(text(document));
        } catch (PolicyParseException e) {
            throw fail(at, e.getMessage(), e);
        }
    }

    Map<String, String> tags(Map<String, String> tags, String at) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > 50) {
            throw fail(at, "tags: at most 50 tags");
        }
        Set<String> seen = new LinkedHashSet<>();
        tags.forEach((k, v) -> {
            if (k == null || !TAG_KEY.matcher(k).matches()) {
                throw fail(at, "tags: invalid tag key " + quoted(k));
            }
            if (v == null || !TAG_VALUE.matcher(v).matches()) {
                throw fail(at, "tags." + k + ": invalid tag value");
            }
            if (!seen.add(k.toLowerCase(java.util.Locale.ROOT))) {
                throw fail(at, "tags: duplicate tag key " + quoted(k) + " (keys are case-insensitive)");
            }
        });
        return tags;
    }

    String name(String name, String where) {
        if (!isName(name)) {
            throw fail(where, "name: must be 1 to 64 characters of letters, digits and +=,.@_-, got " + quoted(name));
        }
        return name;
    }

    String path(String path, String where) {
        if (path == null) {
            return "/";
        }
        if (!PATH.matcher(path).matches()) {
            throw fail(where, "path: must begin and end with '/', got " + quoted(path));
        }
        return path;
    }

    String text(JsonNode document) {
        if (document.isTextual()) {
            return document.textValue();
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JacksonException e) {
            throw new IllegalStateException("a parsed YAML tree always serialises", e);
        }
    }

    DirectoryFileException fail(String where, String problem) {
        return new DirectoryFileException(fileName + ": " + where + ": " + problem);
    }

    DirectoryFileException fail(String where, String problem, PolicyParseException malformed) {
        return new DirectoryFileException(fileName + ": " + where + ": " + problem, malformed);
    }

    /** A problem already phrased with its place, from a check outside this package's readers. */
    DirectoryFileException fail(String problem) {
        return new DirectoryFileException(fileName + ": " + problem);
    }

    static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    static <T> IndexedList<T> list(List<T> list) {
        return new IndexedList<>(list == null ? List.of() : list);
    }

    record IndexedList<T>(List<T> items) {
        interface IndexedConsumer<T> {
            void accept(int index, T item);
        }

        void forEachIndexed(IndexedConsumer<T> consumer) {
            for (int i = 0; i < items.size(); i++) {
                consumer.accept(i, items.get(i));
            }
        }
    }
}
