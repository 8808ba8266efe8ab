package io.stsgate.api.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import io.stsgate.directory.RevocationScope;
import io.stsgate.directory.store.NewRevocation;

/** Checks a revocation request and names the first field that is wrong; the resource throws. */
final class RevocationRules {

    private static final Pattern ACCESS_KEY = Pattern.compile("ASIA[A-Z2-7]{16}");
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern USER = Pattern.compile("arn:aws:iam::\\d{12}:user/[\\w+=,.@/-]{1,512}");
    private static final Pattern PROVIDER = Pattern.compile("arn:aws:iam::\\d{12}:(oidc|saml)-provider/[^#\\s]{1,1024}");
    private static final Pattern SOURCE_IDENTITY = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int MAX_TARGET = 2048;
    private static final int MAX_REASON = 1024;

    private RevocationRules() {
    }

    /** The checked request, or the problem with it. */
    sealed interface Checked {
        record Valid(NewRevocation revocation) implements Checked {
        }

        record Invalid(String field, String message) implements Checked {
        }
    }

    static Checked check(RevocationRequest request, String createdBy, Instant now) {
        if (request == null) {
            return new Checked.Invalid(null, "a JSON body {scope, target, issuedBefore?, reason?} is required");
        }
        Optional<RevocationScope> scope = RevocationScope.ofWireName(request.scope());
        if (scope.isEmpty()) {
            return new Checked.Invalid("scope", "scope must be one of access-key, role, subject, source-identity");
        }
        String target = request.target();
        if (target == null || target.isBlank() || target.length() > MAX_TARGET) {
            return new Checked.Invalid("target", "target is required (at most " + MAX_TARGET + " characters)");
        }
        String targetProblem = targetProblem(scope.get(), target);
        if (targetProblem != null) {
            return new Checked.Invalid("target", targetProblem);
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            return new Checked.Invalid("reason", "reason must be at most " + MAX_REASON + " characters");
        }
        Instant issuedBefore;
        if (request.issuedBefore() == null) {
            // Issue times are whole seconds: rounding up covers a session issued earlier in this same second.
            issuedBefore = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(now.getNano() == 0 ? 0 : 1);
        } else {
            try {
                issuedBefore = Instant.parse(request.issuedBefore());
            } catch (DateTimeParseException e) {
                return new Checked.Invalid("issuedBefore",
                        "issuedBefore must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
            if (issuedBefore.isAfter(now.plusSeconds(1))) {
                return new Checked.Invalid("issuedBefore",
                        "issuedBefore must not be in the future; it revokes sessions already issued");
            }
        }
        return new Checked.Valid(new NewRevocation(scope.get(), target, issuedBefore, createdBy, request.reason()));
    }

    private static String targetProblem(RevocationScope scope, String target) {
        return switch (scope) {
            case ACCESS_KEY -> ACCESS_KEY.matcher(target).matches() ? null
                    : "target of scope access-key must be a temporary access key id (ASIA followed by 16 characters)";
            case ROLE -> ROLE.matcher(target).matches() ? null
                    : "target of scope role must be a role ARN, arn:aws:iam::<account>:role/<name>";
            case SUBJECT -> subjectProblem(target);
            case SOURCE_IDENTITY -> SOURCE_IDENTITY.matcher(target).matches() ? null
                    : "target of scope source-identity must be 2 to 64 characters of [\\w+=,.@-]";
        };
    }

    private static String subjectProblem(String target) {
        int hash = target.indexOf('#');
        if (hash < 0) {
            return USER.matcher(target).matches() ? null
                    : "target of scope subject must be an IAM user ARN or <provider ARN>#<subject>";
        }
        boolean provider = PROVIDER.matcher(target.substring(0, hash)).matches();
        return provider && hash < target.length() - 1 ? null
                : "target of scope subject must be <oidc-provider or saml-provider ARN>#<subject>";
    }
}
