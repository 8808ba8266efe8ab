package io.stsgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The memory bounds of the shipped JVM options file (src/main/jvm/jvm.options), in bytes. */
public record JvmOptions(List<String> options, long heap, long metaspace, long codeCache, long directMemory) {

    public static final Path FILE = Path.of("src/main/jvm/jvm.options");

    public static JvmOptions shipped() {
        try {
            List<String> options = Files.readAllLines(FILE).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new JvmOptions(options, size(options, "-Xmx"), size(options, "-XX:MaxMetaspaceSize="),
                    size(options, "-XX:ReservedCodeCacheSize="), size(options, "-XX:MaxDirectMemorySize="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the JVM may take outside thread stacks and native libraries. */
    public long bounded() {
        return heap + metaspace + codeCache + directMemory;
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");

    private static long size(List<String> options, String prefix) {
        String value = options.stream().filter(o -> o.startsWith(prefix)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(FILE + " does not bound " + prefix)).substring(prefix.length());
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new AssertionError(FILE + ": " + prefix + value + " is not a size");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
