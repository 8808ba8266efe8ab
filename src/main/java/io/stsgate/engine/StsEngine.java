package io.stsgate.engine;

import java.time.Clock;

import io.stsgate.directory.Directory;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.MfaUsage;
import io.stsgate.policy.PolicyEvaluator;

/**
 * The internal STS engine for signed and federated calls, one service per action family. Each action is a linear
 * pipeline of checks that return early with one error; independent of the wire format. The families share one set of
 * parts (session policy cache, MFA check, minting) so they behave alike.
 */
public record StsEngine(RoleAssumption roleAssumption, FederatedAssumption federatedAssumption,
        UserSessionTokens userSessionTokens, CallerInfo callerInfo) {

    public static StsEngine create(Directory directory, PolicyEvaluator evaluator, MfaUsage mfaUsage,
            MfaFailures mfaFailures, MfaLockout mfaLockout, CredentialMint mint,
            AuthorizationMessages authorizationMessages, Clock clock) {
        var sessionPolicies = new SessionPolicies(directory);
        var authorization = new CallerAuthorization(evaluator,
                new CallerPermissions(directory, evaluator, sessionPolicies), authorizationMessages);
        var conditionKeys = new ConditionKeys(directory, clock);
        var mfa = new MfaCheck(directory, mfaUsage, mfaFailures, mfaLockout, clock);
        var issuance = new SessionIssuance(mint, clock);
        return new StsEngine(
                new RoleAssumption(directory, sessionPolicies, conditionKeys, mfa, authorization, issuance),
                new FederatedAssumption(
                        new FederatedChecks(directory, evaluator, sessionPolicies, conditionKeys), issuance),
                new UserSessionTokens(sessionPolicies, conditionKeys, mfa, authorization, issuance),
                new CallerInfo(directory, conditionKeys, authorization, authorizationMessages));
    }
}
