package io.stsgate.engine;

/** A session tag. Keys compare case-insensitively and keep their case. */
public record SessionTag(String key, String value) {
}
