package io.stsgate.policy;

import java.util.List;

/** Values of the IpAddress and NotIpAddress operators: IPv4 or IPv6 ranges. */
final class IpValues implements ConditionValues {

    private final Cidr[] ranges;

    private IpValues(Cidr[] ranges) {
        this.ranges = ranges;
    }

    static Parsed<ConditionValues> compile(List<String> values) {
        Cidr[] ranges = new Cidr[values.size()];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = Cidr.parse(values.get(i));
            if (ranges[i] == null) {
                return Parsed.failure("value '" + PolicyText.quote(values.get(i))
                        + "' is not an IP address or CIDR range");
            }
        }
        return Parsed.ok(new IpValues(ranges));
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        if (requestValue.indexOf(':') < 0) {
            // IPv4, the common case, is tested without allocating an address.
            long v4 = IpAddress.parseV4(requestValue);
            if (v4 < 0) {
                return Match.ERROR;
            }
            for (Cidr range : ranges) {
                if (range.containsV4(v4)) {
                    return Match.YES;
                }
            }
            return Match.NO;
        }
        IpAddress address = IpAddress.parse(requestValue);
        if (address == null) {
            return Match.ERROR;
        }
        for (Cidr range : ranges) {
            if (range.contains(address)) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    @Override
    public String expectedForm() {
        return "an IP address";
    }
}
