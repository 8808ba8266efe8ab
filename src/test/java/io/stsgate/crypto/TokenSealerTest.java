package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenSealerTest {

    private static final String ACCESS_KEY_ID = "ASIAEXAMPLE234567ABC";
    private static final byte[] CONTEXT = "{\"role\":\"arn:aws:iam::123456789012:role/demo\",\"exp\":1704070800}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TokenSealer sealer = new TokenSealer(TestKeys.keyring("k1"), KeyPurpose.SESSION_TOKEN);

    @Test
    void whenSealedThenUnsealsToThePlaintext() {
        String token = sealer.seal(CONTEXT, ACCESS_KEY_ID);

        UnsealResult result = sealer.unseal(token, ACCESS_KEY_ID);

        assertThat(result).isInstanceOf(UnsealResult.Opened.class);
        UnsealResult.Opened opened = (UnsealResult.Opened) result;
        assertThat(opened.plaintext()).isEqualTo(CONTEXT);
        assertThat(opened.key().id()).isEqualTo("k1");
        assertThat(opened.toString()).doesNotContain("arn:aws");
    }

    @Test
    void whenSealedThenTokenIsUrlSafeUnpaddedAndCarriesTheKeyIdInClear() {
        String token = sealer.seal(CONTEXT, ACCESS_KEY_ID);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes[1]).isEqualTo((byte) 2);
        assertThat(new String(bytes, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
        assertThat(bytes).hasSize(1 + 1 + 2 + 12 + CONTEXT.length + 16);
    }

    @Test
    void whenSealedTwiceThenTokensDiffer() {
        assertThat(sealer.seal(CONTEXT, ACCESS_KEY_ID)).isNotEqualTo(sealer.seal(CONTEXT, ACCESS_KEY_ID));
    }

    @Test
    void whenEmptyPlaintextThenRoundTrips() {
        String token = sealer.seal(new byte[0], ACCESS_KEY_ID);

        assertThat(((UnsealResult.Opened) sealer.unseal(token, ACCESS_KEY_ID)).plaintext()).isEmpty();
    }

    @Test
    void whenAnyDecodedByteIsChangedThenRejected() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealer.seal(CONTEXT, ACCESS_KEY_ID));

        for (int i = 0; i < bytes.length; i++) {
            for (int flip : new int[] { 0x01, 0x80, 0xff }) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) flip;
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);

                assertThat(sealer.unseal(token, ACCESS_KEY_ID)).as("byte %d ^ %x", i, flip)
                        .isInstanceOf(UnsealResult.Rejected.class);
            }
        }
    }

    @Test
    void whenAnyCharacterIsChangedThenRejected() {
        String token = sealer.seal(CONTEXT, ACCESS_KEY_ID);

        for (int i = 0; i < token.length(); i++) {
            for (char replacement : new char[] { 'A', 'B', 'z', '-', '_' }) {
                if (token.charAt(i) == replacement) {
                    continue;
                }
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);

                assertThat(sealer.unseal(changed, ACCESS_KEY_ID)).as("char %d -> %s", i, replacement)
                        .isInstanceOf(UnsealResult.Rejected.class);
            }
        }
    }

    @Test
    void whenCiphertextIsChangedThenRejectedAsTampered() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealer.seal(CONTEXT, ACCESS_KEY_ID));
        bytes[bytes.length - 20] ^= 1;

        assertThat(sealer.unseal(encode(bytes), ACCESS_KEY_ID))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.TAMPERED));
    }

    @Test
    void whenPresentedWithAnotherAccessKeyIdThenRejectedAsTampered() {
        String token = sealer.seal(CONTEXT, ACCESS_KEY_ID);

        assertThat(sealer.unseal(token, "ASIAOTHER234567ABCDE"))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.TAMPERED));
        assertThat(sealer.unseal(token, ""))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.TAMPERED));
    }

    @Test
    void whenKeyIdIsUnknownThenRejectedAsUnknownKey() {
        String token = new TokenSealer(TestKeys.keyring("gone"), KeyPurpose.SESSION_TOKEN).seal(CONTEXT,
                ACCESS_KEY_ID);

        assertThat(sealer.unseal(token, ACCESS_KEY_ID))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.UNKNOWN_KEY));
    }

    @Test
    void whenSameIdButOtherMaterialThenRejectedAsTampered() {
        Keyring impostor = Keyring.of(new KeyringKey("k1", TestKeys.material("other")));
        String token = new TokenSealer(impostor, KeyPurpose.SESSION_TOKEN).seal(CONTEXT, ACCESS_KEY_ID);

        assertThat(sealer.unseal(token, ACCESS_KEY_ID))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.TAMPERED));
    }

    @Test
    void whenSealedForAnotherPurposeThenRejectedAsTampered() {
        TokenSealer authz = new TokenSealer(TestKeys.keyring("k1"), KeyPurpose.AUTHZ_MESSAGE);
        String message = authz.seal(CONTEXT, "123456789012");

        assertThat(authz.unseal(message, "123456789012")).isInstanceOf(UnsealResult.Opened.class);
        assertThat(sealer.unseal(message, "123456789012"))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.TAMPERED));
    }

    @Test
    void whenKeyringIsRotatedThenOldTokensStillOpenAndNewOnesUseTheNewKey() {
        String old = sealer.seal(CONTEXT, ACCESS_KEY_ID);
        TokenSealer rotated = new TokenSealer(TestKeys.keyring("k1", "k2"), KeyPurpose.SESSION_TOKEN);

        String fresh = rotated.seal(CONTEXT, ACCESS_KEY_ID);

        assertThat(((UnsealResult.Opened) rotated.unseal(old, ACCESS_KEY_ID)).key().id()).isEqualTo("k1");
        assertThat(((UnsealResult.Opened) rotated.unseal(fresh, ACCESS_KEY_ID)).key().id()).isEqualTo("k2");
        assertThat(sealer.unseal(fresh, ACCESS_KEY_ID))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.UNKNOWN_KEY));
    }

    @Test
    void whenTokenIsNotBase64ThenRejectedAsMalformed() {
        assertMalformed("not base64 at all!");
        assertMalformed("abc=");
        assertMalformed("abc+/");
    }

    @Test
    void whenTokenIsNullEmptyOrBoundToIsNullThenRejectedAsMalformed() {
        assertMalformed(null);
        assertMalformed("");
        assertThat(sealer.unseal(sealer.seal(CONTEXT, ACCESS_KEY_ID), null))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.MALFORMED));
    }

    @Test
    void whenTokenIsTruncatedThenRejectedAsMalformed() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealer.seal(CONTEXT, ACCESS_KEY_ID));

        for (int length = 0; length < 2 + 2 + 12 + 16; length++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            assertThat(sealer.unseal(encode(cut), ACCESS_KEY_ID)).as("length %d", length)
                    .isInstanceOf(UnsealResult.Rejected.class);
        }
    }

    @Test
    void whenVersionIsUnknownThenRejectedAsMalformed() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealer.seal(CONTEXT, ACCESS_KEY_ID));
        bytes[0] = 2;

        assertMalformed(encode(bytes));
    }

    @Test
    void whenTokenIsOversizedThenRejectedAsMalformed() {
        assertMalformed("A".repeat(TokenSealer.MAX_TOKEN_LENGTH + 4));
    }

    @Test
    void whenTrailingBitsAreNotCanonicalThenRejectedAsMalformed() {
        // 2 + 2 + 12 + 2 + 16 = 34 bytes: the last base64 character carries 4 unused bits.
        String token = sealer.seal(new byte[] { 1, 2 }, ACCESS_KEY_ID);
        int index = ALPHABET.indexOf(token.charAt(token.length() - 1));
        String variant = token.substring(0, token.length() - 1) + ALPHABET.charAt(index ^ 1);

        assertThat(Base64.getUrlDecoder().decode(variant)).isEqualTo(Base64.getUrlDecoder().decode(token));
        assertMalformed(variant);
    }

    private void assertMalformed(String token) {
        assertThat(sealer.unseal(token, ACCESS_KEY_ID))
                .isEqualTo(new UnsealResult.Rejected(UnsealResult.Reason.MALFORMED));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
