package io.stsgate.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.stsgate.directory.Arns;
import io.stsgate.directory.Role;

/**
 * The session an issuing action decided on, before minting gives it a key: one factory per session kind, so the
 * fields each kind sets (and leaves empty) are written down once.
 */
final class SessionDrafts {

    private SessionDrafts() {
    }

    /** A role session; what it carries beyond the role and its name is set on the returned builder. */
    static AssumedRole assumedRole(Role role, String sessionName, Instant issuedAt, int durationSeconds) {
        return new AssumedRole(role, sessionName, issuedAt, durationSeconds);
    }

    /** GetSessionToken: the user itself, with the MFA it presented. */
    static SessionContext userSession(Caller.UserCaller user, Instant issuedAt, int durationSeconds,
            Instant mfaAuthenticatedAt) {
        return new SessionContext(SessionKind.USER_SESSION, null, null, user.accountId(), user.arn(), user.arn(),
                user.user().userId(), null, issuedAt, issuedAt.plusSeconds(durationSeconds), mfaAuthenticatedAt, null,
                List.of(), Set.of(), null, List.of(), false, null, null, user.arn(), user.user().userId());
    }

    /** GetFederationToken: a federated user the IAM user names, with its tags and session policies. */
    static SessionContext federatedUser(Caller.UserCaller user, String name, String federatedArn, Instant issuedAt,
            int durationSeconds, List<SessionTag> tags, String sessionPolicy, List<String> policyArns) {
        return new SessionContext(SessionKind.FEDERATED_USER, null, null, user.accountId(), federatedArn, user.arn(),
                user.accountId() + ":" + name, name, issuedAt, issuedAt.plusSeconds(durationSeconds), null, null, tags,
                Set.of(), sessionPolicy, policyArns, false, null, null, user.arn(), user.user().userId());
    }

    /** Builds an assumed-role session: AssumeRole (signed, possibly chained) and the federated assumptions. */
    static final class AssumedRole {
        private final Role role;
        private final String sessionName;
        private final Instant issuedAt;
        private final int durationSeconds;
        private Instant mfaAuthenticatedAt;
        private String sourceIdentity;
        private SessionTagRules.Combined tags = new SessionTagRules.Combined(List.of(), Set.of());
        private String sessionPolicy;
        private List<String> policyArns = List.of();
        private boolean chained;
        private String federatedProvider;
        private String federatedSubject;
        private String originArn;

        private AssumedRole(Role role, String sessionName, Instant issuedAt, int durationSeconds) {
            this.role = role;
            this.sessionName = sessionName;
            this.issuedAt = issuedAt;
            this.durationSeconds = durationSeconds;
        }

        AssumedRole mfaAuthenticatedAt(Instant at) {
            this.mfaAuthenticatedAt = at;
            return this;
        }

        AssumedRole sourceIdentity(String identity) {
            this.sourceIdentity = identity;
            return this;
        }

        AssumedRole tags(SessionTagRules.Combined combined) {
            this.tags = combined;
            return this;
        }

        AssumedRole sessionPolicies(String policy, List<String> arns) {
            this.sessionPolicy = policy;
            this.policyArns = arns;
            return this;
        }

        /** Role chaining: a role session assumed this one. */
        AssumedRole chained(boolean isChained) {
            this.chained = isChained;
            return this;
        }

        /** The provider and subject of a federated session, carried along role chaining too. */
        AssumedRole federated(String provider, String subject) {
            this.federatedProvider = provider;
            this.federatedSubject = subject;
            return this;
        }

        /** The IAM user at the start of the chain; none for sessions that began with federation. */
        AssumedRole origin(String arn) {
            this.originArn = arn;
            return this;
        }

        SessionContext build() {
            return new SessionContext(SessionKind.ASSUMED_ROLE, null, null, role.accountId(),
                    Arns.assumedRole(role.accountId(), role.name(), sessionName), role.arn(),
                    role.roleId() + ":" + sessionName, sessionName, issuedAt, issuedAt.plusSeconds(durationSeconds),
                    mfaAuthenticatedAt, sourceIdentity, tags.tags(), tags.transitiveKeys(), sessionPolicy, policyArns,
                    chained, federatedProvider, federatedSubject, originArn, role.roleId());
        }
    }
}
