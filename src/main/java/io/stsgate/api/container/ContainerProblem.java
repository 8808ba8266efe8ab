package io.stsgate.api.container;

/** A refusal as the SDKs' container credentials clients read it: a code and a message, never a credential. */
public record ContainerProblem(String code, String message) {
}
