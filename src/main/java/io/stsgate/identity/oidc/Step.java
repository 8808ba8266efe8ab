package io.stsgate.identity.oidc;

/** One verification step's result inside this package: a value, or the rejection to return. */
final class Step<T> {

    private final T value;
    private final TokenVerification.Rejected rejection;

    private Step(T value, TokenVerification.Rejected rejection) {
        this.value = value;
        this.rejection = rejection;
    }

    static <T> Step<T> ok(T value) {
        return new Step<>(value, null);
    }

    static <T> Step<T> rejected(TokenVerification.Rejected rejection) {
        return new Step<>(null, rejection);
    }

    static <T> Step<T> rejected(OidcFailure failure, String detail) {
        return rejected(new TokenVerification.Rejected(failure, detail));
    }

    static <T> Step<T> rejected(OidcFailure failure, String detail, String clientMessage) {
        return rejected(new TokenVerification.Rejected(failure, detail, clientMessage));
    }

    boolean failed() {
        return rejection != null;
    }

    T value() {
        if (rejection != null) {
            throw new IllegalStateException("no value: " + rejection.failure());
        }
        return value;
    }

    TokenVerification.Rejected rejection() {
        return rejection;
    }
}
