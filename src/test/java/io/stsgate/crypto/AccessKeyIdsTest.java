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
        String id = ids.newTemporary();

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
            assertThat(AccessKeyIds.accountOf(ids.newLongTerm(account))).contains(account);
        }
    }

    @Test
    void whenTemporaryIdThenNoAccountIsReadFromIt() {
        assertThat(AccessKeyIds.accountOf(ids.newTemporary())).isEmpty();
        assertThat(AccessKeyIds.accountOf("ASIAAAAAAAAAAAAAAAAA")).isEmpty();
    }

    /**
     * Four million temporary ids, as one account might get over a busy period from several replicas: with 40 random
     * bits about eight pairs would collide (and sessions issued in the same second would share a secret); with 80
     * random bits the chance of any collision is under one in a million. Compares the low 64 bits of each id.
     */
    @Test
    void whenMillionsOfTemporaryIdsThenNoneCollide() {
        int count = 4 << 20;
        long[] bits = new long[count];
        for (int i = 0; i < count; i++) {
            byte[] decoded = Base32.decode(ids.newTemporary().substring(4));
            long low = 0;
            for (int b = 2; b < 10; b++) {
                low = (low << 8) | (decoded[b] & 0xff);
            }
            bits[i] = low;
        }
        java.util.Arrays.sort(bits);
        int collisions = 0;
        for (int i = 1; i < count; i++) {
            if (bits[i] == bits[i - 1]) {
                collisions++;
            }
        }
        assertThat(collisions).isZero();
    }

    @Test
    void whenGeneratedManyTimesThenIdsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ids.newTemporary());
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
        assertThatThrownBy(() -> ids.newLongTerm("12345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.newLongTerm("12345678901a")).isInstanceOf(IllegalArgumentException.class);
    }
}
