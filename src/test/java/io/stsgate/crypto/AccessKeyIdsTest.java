package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessKeyIdsTest {

    private final AccessKeyIds ids = new AccessKeyIds();

    @Test
    void whenTemporaryIdGeneratedThenAsiaPlusSixteenBase32Characters() {
        String id = ids.newTemporary("123456789012");

        assertThat(id).hasSize(20).matches("ASIA[A-Z2-7]{16}");
        assertThat(AccessKeyIds.isTemporary(id)).isTrue();
    }

    @Test
    void whenLongTermIdGeneratedThenAkiaPrefix() {
        String id = ids.newLongTerm("123456789012");

        assertThat(id).hasSize(20).matches("AKIA[A-Z2-7]{16}");
        assertThat(AccessKeyIds.isTemporary(id)).isFalse();
    }

    @Test
    void whenDecodedThenAccountRoundTrips() {
        for (String account : new String[] { "000000000000", "000000000001", "123456789012", "999999999999" }) {
            assertThat(AccessKeyIds.accountOf(ids.newTemporary(account))).contains(account);
            assertThat(AccessKeyIds.accountOf(ids.newLongTerm(account))).contains(account);
        }
    }

    @Test
    void whenGeneratedManyTimesThenIdsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ids.newTemporary("123456789012"));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void whenIdIsForeignOrMalformedThenNoAccount() {
        assertThat(AccessKeyIds.accountOf(null)).isEmpty();
        assertThat(AccessKeyIds.accountOf("AKIA1OSFODNN7EXAMPLE")).isEmpty(); // '1' is not base32
        assertThat(AccessKeyIds.accountOf("ASIA")).isEmpty();
        assertThat(AccessKeyIds.accountOf("AROAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(AccessKeyIds.accountOf("ASIAaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(AccessKeyIds.accountOf("ASIA7777777777777777")).isEmpty(); // account bits > 999999999999
    }

    @Test
    void whenAccountIsNotTwelveDigitsThenRefused() {
        assertThatThrownBy(() -> ids.newTemporary("12345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.newTemporary("12345678901a")).isInstanceOf(IllegalArgumentException.class);
    }
}
