package io.stsgate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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

    Store store();

    Mfa mfa();

    /**
     * Where people and identity providers reach stsgate: behind a reverse proxy, the proxy's URL. The browser
     * sign-in's assertion consumer service is this URL plus {@code /saml}; the SP metadata publishes it and it is
     * always an accepted Recipient.
     */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    Audit audit();

    /**
     * Token-bucket limits per action group, on each replica (not shared: N replicas admit N times the rate). Unsigned
     * groups count per source address, signed ones per access key id after the signature verified.
     */
    Throttling throttling();

    /** The decision API for downstream services ({@code /authz/v1}). */
    Authz authz();

    interface Directory {
        /**
         * The declarative directory file (YAML), applied to an empty store at start-up. When absent, an empty store
         * is seeded with the bundled demo directory, which the production profile refuses.
         */
        Optional<String> file();

        /**
         * Apply the file to the store at every start-up (create, update and delete to match), so the file in git is
         * the source of truth. When false, the file only seeds an empty store.
         */
        @WithDefault("false")
        boolean applyOnStart();
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

    interface Authz {
        /**
         * The service names a signed request may be scoped to (the fourth element of its credential scope). {@code sts}
         * is not on the default list: requests signed for stsgate itself are not proof for another service.
         */
        @WithDefault("s3")
        List<String> services();

        /** The longest a service may cache an answer; an answer never outlives the credential it is about. */
        @WithDefault("PT30S")
        Duration maxCacheAge();

        /** Audit one allow in this many (1: every allow). Denials and refusals are always audited. */
        @WithDefault("1")
        int auditAllowEvery();

        /** Action/resource pairs in one decision request. */
        @WithDefault("32")
        int maxQuestions();

        /**
         * Host names of the S3 endpoint behind the nginx face whose sub-domains are buckets (virtual-hosted requests,
         * {@code bucket.s3.example.com}). Unset: path-style S3 requests only. Buckets (owner, bucket policy) and other
         * HTTP APIs are directory entries.
         */
        Optional<List<String>> s3Domains();

        /**
         * Hex SHA-256 of the key nginx sends in {@code X-Stsgate-Key} to the nginx face ({@code /authz/v1/nginx/*}).
         * Unset: the nginx face answers 401 to every call.
         */
        Optional<String> nginxKeySha256();
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

        /**
         * The assertion attribute whose first value the role picker shows as "Signed in as" (e.g. {@code displayName}
         * or {@code email}); without it, or when the assertion lacks it, the RoleSessionName attribute, then the
         * NameID. Display only: nothing is decided on it.
         */
        Optional<String> displayNameAttribute();

        interface Encryption {
            /** PEM file with the unencrypted PKCS#8 RSA private key ({@code BEGIN PRIVATE KEY}), 2048 bits or more. */
            Optional<String> keyFile();

            /** PEM file with the X.509 certificate of that key, which IdPs encrypt to (published in SP metadata). */
            Optional<String> certificateFile();
        }
    }

    interface Store {
        /**
         * Where the directory, revocations, replay caches and the audit trail live: {@code embedded} (a database file
         * under {@link #path()}, one replica) or {@code postgresql} (the {@code quarkus.datasource.postgresql.*}
         * connection, shared by several replicas). Chosen at start-up, not at build time.
         */
        @WithDefault("embedded")
        StoreKind kind();

        /** Folder of the embedded database: absolute, or relative starting with {@code ./}. */
        @WithDefault("./data/store")
        String path();

        /**
         * How often each replica checks the store for changes made elsewhere, on top of PostgreSQL notifications, so a
         * lost notification delays a change by at most this long.
         */
        @WithDefault("PT2S")
        Duration pollInterval();

        /**
         * The longest a request waits for the store (MFA code use, SAML replay, admin writes). Beyond it, or at once
         * while the store is known to be down, the request is answered with a retryable error (503) and requests that
         * do not need the store are not held up.
         */
        @WithDefault("PT2S")
        Duration timeout();

        /** Threads that talk to the store on behalf of requests; when all are busy, further calls answer 503 at once. */
        @WithDefault("16")
        int threads();
    }

    /** Brute-force protection of MFA codes, counted per device across every replica. */
    interface Mfa {
        /** Refused codes that lock a device, when each comes within {@link #failureWindow()} of the previous one. */
        @WithDefault("5")
        int maxFailures();

        /** How long a refused code counts: a failure after this much quiet starts the count again. */
        @WithDefault("PT5M")
        Duration failureWindow();

        /** How long a locked device refuses every code, even a correct one. */
        @WithDefault("PT15M")
        Duration lockDuration();
    }

    interface Audit {
        /** The audit trail in the store ({@code audit_event}), next to the log. */
        AuditStore store();

        /** The audit lines on the {@code stsgate.audit} log category. */
        AuditLog log();

        /**
         * Unauthenticated refusals recorded one by one per action, reason, source address and minute (in the log and
         * the store); beyond it they are counted and written as one event per minute with their number.
         */
        @WithDefault("10")
        int refusalsPerMinute();
    }

    interface AuditLog {
        /**
         * Audit lines waiting for the log's writer thread. Nothing is dropped: when it is full, a request writes its
         * line itself (slower, as every request did before the queue).
         */
        @WithDefault("4096")
        int queueCapacity();

        /** How long shutdown waits for queued lines to be written. */
        @WithDefault("PT10S")
        Duration flushTimeout();
    }

    interface AuditStore {
        /**
         * Events waiting to be written to the store, also while it is down (failed batches are retried). When full, a
         * success takes the place of the oldest refusal; what is dropped is dropped from the store only (the log keeps
         * it), counted in {@code stsgate.audit.store.dropped} by cause and kind and reported once a minute.
         */
        @WithDefault("10000")
        int queueCapacity();

        /** Most events written in one transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long a batch that is not full waits for more events: under load, fewer and larger transactions cost the
         * store a fraction of the CPU (issue 17's profile: most of it went to small commits). Events reach the store
         * at most this much later.
         */
        @WithDefault("PT0.05S")
        Duration linger();

        /** How long shutdown waits for queued events to be written. */
        @WithDefault("PT10S")
        Duration flushTimeout();

        /** Events older than this are deleted from the store. */
        @WithDefault("P90D")
        Duration retention();

        /** Most events kept in the store; beyond it the oldest are deleted (see the README for bytes per event). */
        @WithDefault("1000000")
        long maxEvents();

        /**
         * How often one replica (holding the store's purge lock) enforces the retention and the size cap; a run that
         * deleted events runs again after 10 s.
         */
        @WithDefault("PT5M")
        Duration purgeInterval();
    }

    enum StoreKind {
        embedded,
        postgresql
    }

    interface Limits {
        /** Largest accepted Query request body; larger requests get an error and change nothing. */
        @WithDefault("262144")
        int maxBodyBytes();
    }
}
