package io.stsgate.federation;

import io.stsgate.engine.IssuedSession;

/** An issued federated session and what the response tells about its proof. */
public record FederatedSession(IssuedSession issued, ResponseFacts facts) {
}
