package io.stsgate.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of stsgate. Defaults live here, never at call sites.
 */
@ConfigMapping(prefix = "stsgate")
public interface StsgateConfig {

    Directory directory();

    Keyring keyring();

    Sigv4 sigv4();

    Limits limits();

    Oidc oidc();

    Saml saml();

    interface Directory {
        /**
         * The declarative directory file (YAML). When absent, the bundled demo directory is loaded, which the
         * production profile refuses.
         */
        Optional<String> file();
    }

    interface Keyring {
        /** Text file with one sealing key per line: {@code <id> <base64 of 32 bytes>}; the last line seals. */
        @WithDefault("data/keyring.txt")
        String file();

        /** Create a one-key keyring when the file is missing. Never honoured in the production profile. */
        @WithDefault("false")
        boolean generateIfMissing();
    }

    interface Sigv4 {
        /** Accepted difference between the signer's clock and ours (AWS uses 15 minutes). */
        @WithDefault("PT15M")
        Duration allowedSkew();
    }

    interface Oidc {
        /** How long a fetched JWKS is used before it is fetched again. */
        @WithDefault("PT10M")
        Duration jwksCacheTtl();

        /** At most one refetch per issuer in this interval when a token names an unknown key id. */
        @WithDefault("PT30S")
        Duration unknownKidRefetchInterval();

        /** How long cached keys stay usable while the identity provider cannot be reached. */
        @WithDefault("PT24H")
        Duration jwksGracePeriod();

        /** Timeout of discovery and JWKS requests. */
        @WithDefault("PT5S")
        Duration fetchTimeout();

        /** Largest accepted discovery document or JWKS. */
        @WithDefault("524288")
        int maxDocumentBytes();
    }

    interface Saml {
        /** stsgate's SAML service-provider entity id: what IdPs put in the AudienceRestriction. */
        @WithDefault("urn:amazon:webservices")
        String entityId();

        /** Accepted Recipient and Destination values: AWS's sign-in URL, and stsgate's own ACS URL when used. */
        @WithDefault("https://signin.aws.amazon.com/saml")
        java.util.List<String> recipients();

        /** Allowed clock difference for NotBefore and NotOnOrAfter. */
        @WithDefault("PT60S")
        Duration clockSkew();

        /** stsgate's key pair for encrypted assertions; without it, EncryptedAssertions are refused. */
        Encryption encryption();

        interface Encryption {
            /** PEM file with the unencrypted PKCS#8 RSA private key ({@code BEGIN PRIVATE KEY}), 2048 bits or more. */
            Optional<String> keyFile();

            /** PEM file with the X.509 certificate of that key, which IdPs encrypt to (published in SP metadata). */
            Optional<String> certificateFile();
        }
    }

    interface Limits {
        /** Largest accepted Query request body; larger requests get an error and change nothing. */
        @WithDefault("262144")
        int maxBodyBytes();
    }
}
