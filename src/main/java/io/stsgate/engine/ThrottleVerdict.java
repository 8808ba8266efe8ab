package io.stsgate.engine;

import io.stsgate.audit.ReasonCode;

/** What {@link Throttle} says about one request. */
public sealed interface ThrottleVerdict {

    ThrottleVerdict ADMITTED = new Admitted();

    /** Within the limit: go on. */
    record Admitted() implements ThrottleVerdict {
    }

    /**
     * Over the limit. Only a bounded sample of throttled requests is audited: {@code audited} says whether this one is,
     * and {@code unauditedBefore} how many of the group went unaudited since the previous sample.
     */
    record Throttled(ThrottleGroup group, boolean audited, long unauditedBefore) implements ThrottleVerdict {

        /** AWS's answer, as every SDK knows it: HTTP 400, {@code Throttling}, {@code Rate exceeded}. */
        public StsException error() {
            return new StsException(ErrorCode.THROTTLING, ReasonCode.THROTTLED, "Rate exceeded",
                    "throttling group " + group.label() + "; " + unauditedBefore
                            + " throttled request(s) of this group not audited since the previous sample");
        }
    }
}
