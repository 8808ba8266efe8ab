package io.stsgate.federation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.stsgate.engine.StsSyntax;

/** Session names derived from pods stay within AWS's limits: 2 to 64 characters of {@code [\w+=,.@-]}. */
class WorkloadSessionNamesTest {

    @Test
    void aPodNameIsTheSessionName() {
        assertThat(WorkloadIdentities.sessionName("payments-api-7d9c8b6f5-x2kq9")).isEqualTo("payments-api-7d9c8b6f5-x2kq9");
    }

    @Test
    void charactersOutsideTheSessionNameAlphabetAreReplaced() {
        String name = WorkloadIdentities.sessionName("system:serviceaccount:ns:sa/ü x");
        assertThat(name).isEqualTo("system-serviceaccount-ns-sa---x");
        assertThat(StsSyntax.SESSION_NAME.matcher(name).matches()).isTrue();
    }

    @Test
    void aLongNameKeepsItsStartAndAHashSoNamesDifferingAtTheEndStayApart() {
        String prefix = "a".repeat(70);
        String first = WorkloadIdentities.sessionName(prefix + "-one");
        String second = WorkloadIdentities.sessionName(prefix + "-two");

        assertThat(first).hasSize(64).startsWith("a".repeat(55) + "-");
        assertThat(second).hasSize(64).isNotEqualTo(first);
        assertThat(StsSyntax.SESSION_NAME.matcher(first).matches()).isTrue();
    }

    @Test
    void aOneCharacterNameIsLengthened() {
        assertThat(WorkloadIdentities.sessionName("x")).isEqualTo("workload-x");
    }
}
