package io.stsgate.config;

import io.smallrye.config.WithDefault;

/**
 * {@code stsgate.throttling.*}: token-bucket limits per action group, on each replica (not shared: N replicas admit N
 * times the rate). Unsigned groups count per source address, signed ones per access key id after the signature
 * verified. A group of {@link StsgateConfig}, in a file of its own for its size.
 */
public interface Throttling {
    /** AssumeRoleWithWebIdentity, per source address. Above the 20,000/s a load test reaches from one address. */
    WebIdentity webIdentity();

    /** AssumeRoleWithSAML (Query API), per source address. */
    Saml saml();

    /** The browser sign-in pages under /saml, per source address: people, a few requests per sign-in. */
    SamlBrowser samlBrowser();

    /** AssumeRole, GetSessionToken, GetFederationToken, per caller (access key id). */
    SignedIssue signedIssue();

    /** GetCallerIdentity, GetAccessKeyInfo, DecodeAuthorizationMessage, per caller (access key id). */
    SignedRead signedRead();

    /**
     * Buckets each group keeps at most (the least recently used go first); a bucket idle for its refill time is
     * dropped earlier. A dropped bucket comes back full.
     */
    @WithDefault("20000")
    int maxKeys();

    /** How many throttled requests per group reach the audit trail: a bounded sample, not one event each. */
    AuditSample auditSample();

    interface WebIdentity {
        /** Requests per second refilled. */
        @WithDefault("25000")
        double rate();

        /** Requests admitted at once from a full bucket. */
        @WithDefault("25000")
        int burst();
    }

    interface Saml {
        @WithDefault("5000")
        double rate();

        @WithDefault("5000")
        int burst();
    }

    interface SamlBrowser {
        @WithDefault("20")
        double rate();

        @WithDefault("100")
        int burst();
    }

    interface SignedIssue {
        @WithDefault("30000")
        double rate();

        @WithDefault("30000")
        int burst();
    }

    interface SignedRead {
        @WithDefault("50000")
        double rate();

        @WithDefault("50000")
        int burst();
    }

    interface AuditSample {
        /** Audited throttled requests per second, per group. */
        @WithDefault("1")
        double rate();

        /** Audited at once after a quiet spell, per group. */
        @WithDefault("10")
        int burst();
    }
}
