package io.stsgate.identity.saml;

import java.time.Instant;

/**
 * Remembers accepted assertion ids until they expire (SAML 2.0 profiles, section 4.1.4.5).
 */
public interface AssertionReplayCache {

    /**
     * Records the id atomically.
     *
     * @param assertionId the assertion's ID (callers may namespace it)
     * @param notOnOrAfter when the entry may be forgotten
     * @return true the first time an id is seen before its expiry, false for every later use
     */
    boolean firstUse(String assertionId, Instant notOnOrAfter);
}
