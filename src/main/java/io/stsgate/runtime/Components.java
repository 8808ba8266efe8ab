package io.stsgate.runtime;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.stsgate.access.SignedCallers;
import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.Directory;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.MfaUsage;
import io.stsgate.engine.AccessEvaluator;
import io.stsgate.engine.AuthorizationMessages;
import io.stsgate.engine.CallerInfo;
import io.stsgate.engine.CallerLookup;
import io.stsgate.engine.CredentialMint;
import io.stsgate.engine.CredentialVerifier;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.RevocationCheck;
import io.stsgate.engine.RoleAssumption;
import io.stsgate.engine.SessionChecks;
import io.stsgate.engine.SessionPrincipalCheck;
import io.stsgate.engine.StsEngine;
import io.stsgate.engine.UserSessionTokens;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.policy.PolicyEvaluator;

/**
 * Wires the plain-Java components (engine, crypto, policy, SigV4) into CDI. They stay free of Quarkus so they can be
 * unit-tested and benchmarked without a container.
 */
@Singleton
public class Components {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PolicyEvaluator policyEvaluator() {
        return new PolicyEvaluator();
    }

    @Produces
    @Singleton
    SecretKeyDerivation secretKeyDerivation() {
        return new SecretKeyDerivation();
    }

    @Produces
    @Singleton
    @SessionTokens
    TokenSealer sessionTokenSealer(Keyring keyring) {
        return new TokenSealer(keyring, KeyPurpose.SESSION_TOKEN);
    }

    @Produces
    @Singleton
    AuthorizationMessages authorizationMessages(Keyring keyring, Clock clock) {
        return new AuthorizationMessages(new TokenSealer(keyring, KeyPurpose.AUTHZ_MESSAGE), clock);
    }

    @Produces
    @Singleton
    CredentialMint credentialMint(Keyring keyring, @SessionTokens TokenSealer sealer, SecretKeyDerivation secrets) {
        return new CredentialMint(keyring, sealer, secrets);
    }

    @Produces
    @Singleton
    CredentialVerifier credentialVerifier(Keyring keyring, @SessionTokens TokenSealer sealer,
            SecretKeyDerivation secrets, Clock clock) {
        return new CredentialVerifier(keyring, sealer, secrets, clock);
    }

    @Produces
    @Singleton
    StsEngine stsEngine(Directory directory, PolicyEvaluator evaluator, MfaUsage mfaUsage, MfaFailures mfaFailures,
            StsgateConfig config, CredentialMint mint, AuthorizationMessages messages, Clock clock) {
        return StsEngine.create(directory, evaluator, mfaUsage, mfaFailures, mfaLockout(config), mint, messages,
                clock);
    }

    @Produces
    @Singleton
    RoleAssumption roleAssumption(StsEngine engine) {
        return engine.roleAssumption();
    }

    @Produces
    @Singleton
    FederatedAssumption federatedAssumption(StsEngine engine) {
        return engine.federatedAssumption();
    }

    @Produces
    @Singleton
    UserSessionTokens userSessionTokens(StsEngine engine) {
        return engine.userSessionTokens();
    }

    @Produces
    @Singleton
    CallerInfo callerInfo(StsEngine engine) {
        return engine.callerInfo();
    }

    static MfaLockout mfaLockout(StsgateConfig config) {
        return new MfaLockout(config.mfa().maxFailures(), config.mfa().failureWindow(), config.mfa().lockDuration());
    }

    @Produces
    @Singleton
    SessionChecks sessionChecks(RevocationCheck revocations, Directory directory) {
        return new SessionChecks(revocations, new SessionPrincipalCheck(directory));
    }

    @Produces
    @Singleton
    AccessEvaluator accessEvaluator(Directory directory, PolicyEvaluator evaluator, Clock clock) {
        return new AccessEvaluator(directory, evaluator, clock);
    }

    @Produces
    @Singleton
    SignedCallers signedCallers(Directory directory, CredentialVerifier credentials, SessionChecks checks) {
        return new SignedCallers(new CallerLookup(directory, credentials), checks);
    }

    @Produces
    @Singleton
    SigV4Verifier sigV4Verifier(Clock clock, StsgateConfig config) {
        return new SigV4Verifier(clock, config.sigv4().allowedSkew());
    }
}
