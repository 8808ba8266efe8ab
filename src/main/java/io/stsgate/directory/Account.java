package io.stsgate.directory;

/** An account: a 12-digit id and a friendly name shown to people. */
public record Account(String id, String name) {
}
