package io.stsgate.identity.saml;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * stsgate acting as the SAML service provider.
 *
 * @param entityId the SP entity id an assertion's AudienceRestriction must name (e.g. {@code urn:amazon:webservices})
 * @param acceptedRecipients the ACS URLs accepted as Response Destination and bearer Recipient
 * @param decryptionKey the private key for EncryptedAssertions, if the SP accepts them
 */
public record ServiceProvider(String entityId, Set<String> acceptedRecipients, Optional<PrivateKey> decryptionKey) {

    public ServiceProvider {
        Objects.requireNonNull(entityId, "entityId");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("entityId must not be blank");
        }
        acceptedRecipients = Set.copyOf(acceptedRecipients);
        if (acceptedRecipients.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted recipient is required");
        }
        Objects.requireNonNull(decryptionKey, "decryptionKey");
    }

    @Override
    public String toString() {
        return "ServiceProvider[entityId=" + entityId + ", acceptedRecipients=" + acceptedRecipients
                + ", decryptionKey=" + (decryptionKey.isPresent() ? "present" : "absent") + "]";
    }
}
