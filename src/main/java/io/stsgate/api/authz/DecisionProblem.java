package io.stsgate.api.authz;

/** A decision request the service got wrong (400): AWS-style code and a message for the service's developers. */
public record DecisionProblem(String code, String message, String requestId) {
}
