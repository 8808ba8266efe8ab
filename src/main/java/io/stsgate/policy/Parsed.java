package io.stsgate.policy;

/** A validated value or the problem that prevented it; validators return these, the parser throws. */
record Parsed<T>(T value, String problem) {

    static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null);
    }

    static <T> Parsed<T> failure(String problem) {
        return new Parsed<>(null, problem);
    }

    boolean failed() {
        return problem != null;
    }
}
