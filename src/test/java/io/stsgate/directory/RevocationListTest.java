package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Matching each scope, and the time bound at -1, 0 and +1 second (DateLessThan: issued exactly then is kept). */
class RevocationListTest {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final String KEY = "ASIAAAAAAAAAAAAAAAAA";
    static final String ROLE = "arn:aws:iam::222222222222:role/partner-readonly";
    static final String USER = "arn:aws:iam::111111111111:user/alice";
    static final String PROVIDER = "arn:aws:iam::555555555555:oidc-provider/idp.stsgate.test/realms/apps";
    static final String FEDERATED = RevocationScope.federatedSubject(PROVIDER, "6c1f-sub");

    static Revocation revocation(RevocationScope scope, String target, Instant issuedBefore) {
        return new Revocation(1, scope, target, issuedBefore, Revocation.expiry(issuedBefore), issuedBefore, "ops",
                null);
    }

    static RevocableSession session(Instant issuedAt) {
        return new RevocableSession(KEY, ROLE, List.of(USER, FEDERATED), "alice-si", issuedAt);
    }

    static RevocableSession other(Instant issuedAt) {
        return new RevocableSession("ASIABBBBBBBBBBBBBBBB", "arn:aws:iam::222222222222:role/other",
                List.of("arn:aws:iam::111111111111:user/bob"), "bob-si", issuedAt);
    }

    @Test
    void anEmptyListRevokesNothing() {
        assertThat(RevocationList.EMPTY.revoking(session(AT))).isEmpty();
    }

    @Test
    void anAccessKeyRevocationMatchesThatCredentialWhateverItsIssueTime() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.ACCESS_KEY, KEY, AT)));

        assertThat(list.revoking(session(AT.plusSeconds(60)))).isPresent();
        assertThat(list.revoking(other(AT.minusSeconds(60)))).isEmpty();
    }

    @Test
    void aRoleRevocationMatchesSessionsOfThatRoleOnly() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.ROLE, ROLE, AT)));

        assertThat(list.revoking(session(AT.minusSeconds(1)))).isPresent();
        assertThat(list.revoking(other(AT.minusSeconds(1)))).isEmpty();
    }

    @Test
    void aSubjectRevocationMatchesTheUserAtTheStartOfTheChain() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.SUBJECT, USER, AT)));

        assertThat(list.revoking(session(AT.minusSeconds(1)))).isPresent();
        assertThat(list.revoking(other(AT.minusSeconds(1)))).isEmpty();
    }

    @Test
    void aSubjectRevocationMatchesAFederatedProviderAndSubject() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.SUBJECT, FEDERATED, AT)));

        assertThat(list.revoking(session(AT.minusSeconds(1)))).isPresent();
        assertThat(list.revoking(other(AT.minusSeconds(1)))).isEmpty();
    }

    @Test
    void aSourceIdentityRevocationMatchesSessionsCarryingIt() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.SOURCE_IDENTITY, "alice-si", AT)));

        assertThat(list.revoking(session(AT.minusSeconds(1)))).isPresent();
        assertThat(list.revoking(other(AT.minusSeconds(1)))).isEmpty();
    }

    @Test
    void aSessionIssuedOneSecondBeforeTheBoundIsRevoked() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.ROLE, ROLE, AT)));

        assertThat(list.revoking(session(AT.minusSeconds(1)))).isPresent();
    }

    @Test
    void aSessionIssuedExactlyAtTheBoundIsNotRevoked() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.ROLE, ROLE, AT)));

        assertThat(list.revoking(session(AT))).isEmpty();
    }

    @Test
    void aSessionIssuedOneSecondAfterTheBoundIsNotRevoked() {
        var list = RevocationList.of(List.of(revocation(RevocationScope.ROLE, ROLE, AT)));

        assertThat(list.revoking(session(AT.plusSeconds(1)))).isEmpty();
    }

    @Test
    void theLatestBoundOfATargetWinsWhateverTheOrder() {
        var earlier = revocation(RevocationScope.ROLE, ROLE, AT.minusSeconds(3600));
        var later = revocation(RevocationScope.ROLE, ROLE, AT);

        assertThat(RevocationList.of(List.of(later, earlier)).revoking(session(AT.minusSeconds(60)))).contains(later);
        assertThat(RevocationList.of(List.of(earlier, later)).revoking(session(AT.minusSeconds(60)))).contains(later);
    }
}
