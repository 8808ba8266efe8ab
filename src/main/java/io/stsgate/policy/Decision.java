package io.stsgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an evaluation, the statements that decided it (the allowing ones, or the denying or
 * failing ones) and, for a denial, reasons an administrator can read: which statement denied or failed,
 * or why each Allow statement did not apply. Reasons name condition keys and operators, never request
 * values. An allow carries no reasons; its {@code deciding} statements say all there is to say.
 */
public record Decision(Outcome outcome, List<StatementRef> deciding, List<String> reasons) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        deciding = List.copyOf(deciding);
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
