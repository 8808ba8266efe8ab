package io.stsgate.crypto;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * DEFLATE without the zlib header (RFC 1951), as SAML's HTTP-Redirect binding and AWS's packed policy size use it.
 * A codec, like {@link Base32} and {@link Hex}.
 */
public final class RawDeflate {

    private RawDeflate() {
    }

    /** Compresses {@code input} at {@code level} ({@link Deflater#BEST_SPEED} .. {@link Deflater#BEST_COMPRESSION}). */
    public static byte[] deflate(byte[] input, int level) {
        var deflater = new Deflater(level, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            var out = new ByteArrayOutputStream(input.length / 2 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Decompresses {@code input}, refusing more than {@code maxBytes} of output (a small input can expand a
     * thousandfold).
     *
     * @throws DataFormatException when the input is not raw DEFLATE, is truncated, or expands beyond the bound
     */
    public static byte[] inflate(byte[] input, int maxBytes) throws DataFormatException {
        var inflater = new Inflater(true);
        try {
            inflater.setInput(input);
            var out = new ByteArrayOutputStream(Math.min(maxBytes, input.length * 4 + 16));
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated DEFLATE stream");
                }
                if (out.size() + n > maxBytes) {
                    throw new DataFormatException("DEFLATE stream expands beyond " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
