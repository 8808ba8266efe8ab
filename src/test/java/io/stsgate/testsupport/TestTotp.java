package io.stsgate.testsupport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An independent RFC 6238 code generator for tests (SHA-1, 30-second steps, 6 digits). */
public final class TestTotp {

    /** The demo MFA seed JBSWY3DPEHPK3PXP, decoded. */
    public static final byte[] DEMO_SEED = { 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, (byte) 0xde, (byte) 0xad,
            (byte) 0xbe, (byte) 0xef };

    private TestTotp() {
    }

    public static String code(byte[] seed, Instant at) {
        long step = at.getEpochSecond() / 30;
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
