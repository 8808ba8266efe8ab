package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = { "0.0.0.0", "255.255.255.255", "192.0.2.1", "::", "::1", "1::", "2001:db8::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1", "1:2:3:4:5:6:7::", "1:2:3:4:5:6::8",
            "FE80::ABCD" })
    void parsesValidAddresses(String text) {
        assertThat(IpAddress.parse(text)).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = { "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4 ", "a.b.c.d", ":::", "1:::2",
            "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "::1.2.3", "g::1",
            "1:2:3:4:5:6:7:8::", ":1::2", "localhost" })
    void rejectsInvalidAddresses(String text) {
        assertThat(IpAddress.parse(text)).isNull();
    }

    @Test
    void whenBothFormsAreWrittenThenTheyAreEqual() {
        assertThat(IpAddress.parse("::1")).isEqualTo(IpAddress.parse("0:0:0:0:0:0:0:1"));
        assertThat(IpAddress.parse("::ffff:192.0.2.1")).isEqualTo(IpAddress.parse("::ffff:c000:201"));
    }

    @ParameterizedTest(name = "{0} contains {1} -> {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.0.1, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.1.2.3/8, 10.9.9.9, true",
            "192.0.2.10, 192.0.2.10, true",
            "192.0.2.10, 192.0.2.11, false",
            "192.0.2.10/32, 192.0.2.10, true",
            "0.0.0.0/0, 8.8.8.8, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::/64, 2001:db8::ffff:1, true",
            "2001:db8::/96, 2001:db8::1:0:0:1, false",
            "::/0, ::1, true",
            "::/0, 1.2.3.4, false",
            "0.0.0.0/0, ::1, false",
            "::1, ::1, true",
            "2001:db8::1/128, 2001:db8::2, false",
    })
    void containsAddressesOfItsFamilyAndPrefix(String range, String address, boolean expected) {
        assertThat(Cidr.parse(range).contains(IpAddress.parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "::/129", "10.0.0.0/x", "10.0.0/8", "/8" })
    void rejectsInvalidRanges(String text) {
        assertThat(Cidr.parse(text)).isNull();
    }
}
