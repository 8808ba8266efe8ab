package io.stsgate.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link FederatedChecks} report. {@link #ISSUE} stops at the first refusal by throwing it, the exception the
 * wire answer and the audit event are made of, and builds no message for a check that passes; an {@link Explaining}
 * mode records every check with its status and goes on, for the explain endpoint. One list of checks runs in both, so
 * explain reports the refusal issuance would answer.
 */
abstract sealed class CheckMode permits CheckMode.Issuing, CheckMode.Explaining {

    /** Issuance: stateless and shared, nothing is allocated for a check that passes. */
    static final CheckMode ISSUE = new Issuing();

    /** Whether passed and skipped checks are recorded: build their messages only then. */
    abstract boolean explains();

    /** Check {@code check} refused the request with {@code refusal}: issuance throws it, explain records it. */
    abstract void refuse(String check, StsException refusal);

    /** Check {@code check} passed; called only when {@link #explains()}. */
    abstract void pass(String check, String message);

    /** Check {@code check} was not needed or could not run; called only when {@link #explains()}. */
    abstract void skip(String check, String message);

    /** The trust policy's verdict on one action, statement by statement; called only when {@link #explains()}. */
    abstract void trust(TrustExplanation.ActionTrust verdict);

    static final class Issuing extends CheckMode {

        @Override
        boolean explains() {
            return false;
        }

        @Override
        void refuse(String check, StsException refusal) {
            throw refusal;
        }

        @Override
        void pass(String check, String message) {
            // Issuance reports refusals only.
        }

        @Override
        void skip(String check, String message) {
            // Issuance reports refusals only.
        }

        @Override
        void trust(TrustExplanation.ActionTrust verdict) {
            // Issuance reports refusals only.
        }
    }

    /** Collects every check, in the order they ran. */
    static final class Explaining extends CheckMode {

        private final List<CheckResult> checks = new ArrayList<>();
        private final List<TrustExplanation.ActionTrust> trust = new ArrayList<>();

        @Override
        boolean explains() {
            return true;
        }

        @Override
        void refuse(String check, StsException refusal) {
            checks.add(CheckResult.failed(check, refusal));
        }

        @Override
        void pass(String check, String message) {
            checks.add(CheckResult.passed(check, message));
        }

        @Override
        void skip(String check, String message) {
            checks.add(CheckResult.skipped(check, message));
        }

        @Override
        void trust(TrustExplanation.ActionTrust verdict) {
            trust.add(verdict);
        }

        TrustExplanation explanation() {
            return new TrustExplanation(checks, trust);
        }
    }
}
