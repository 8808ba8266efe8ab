package io.stsgate.identity.sigv4;

/** A parsing step's result inside the verifier: a value, or the rejection to return. */
final class Outcome<T> {

    private final T value;
    private final SigV4Result.Rejected<?> rejection;

    private Outcome(T value, SigV4Result.Rejected<?> rejection) {
        this.value = value;
        this.rejection = rejection;
    }

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> rejected(SigV4Failure failure, String message) {
        return new Outcome<>(null, new SigV4Result.Rejected<>(failure, message));
    }

    static <T> Outcome<T> rejected(SigV4Result.Rejected<?> rejection) {
        return new Outcome<>(null, rejection);
    }

    boolean failed() {
        return rejection != null;
    }

    T value() {
        if (rejection != null) {
            throw new IllegalStateException("No value: " + rejection.failure());
        }
        return value;
    }

    /** The rejection, typed for whatever principal the caller's result carries (a rejection carries none). */
    <P> SigV4Result.Rejected<P> rejection() {
        return new SigV4Result.Rejected<>(rejection.failure(), rejection.message());
    }
}
