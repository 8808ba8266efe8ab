package io.stsgate.policy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Values of the BinaryEquals operator: base64, compared as decoded bytes. */
final class BinaryValues implements ConditionValues {

    private final byte[][] values;

    private BinaryValues(byte[][] values) {
        this.values = values;
    }

    static Parsed<ConditionValues> compile(List<String> values) {
        byte[][] decoded = new byte[values.size()][];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = decode(values.get(i));
            if (decoded[i] == null) {
                return Parsed.failure("value '" + PolicyText.quote(values.get(i)) + "' is not valid base64");
            }
        }
        return Parsed.ok(new BinaryValues(decoded));
    }

    private static byte[] decode(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        byte[] request = decode(requestValue);
        if (request == null) {
            return Match.ERROR;
        }
        for (byte[] value : values) {
            if (Arrays.equals(request, value)) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    @Override
    public String expectedForm() {
        return "base64";
    }
}
