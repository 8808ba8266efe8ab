package io.stsgate.directory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link MfaUsage} for a single node. */
public final class InMemoryMfaUsage implements MfaUsage {

    private final ConcurrentMap<String, Long> lastStep = new ConcurrentHashMap<>();

    @Override
    public boolean recordUse(String serialNumber, long step) {
        var accepted = new boolean[1];
        lastStep.compute(serialNumber, (serial, last) -> {
            accepted[0] = last == null || step > last;
            return accepted[0] ? step : last;
        });
        return accepted[0];
    }
}
