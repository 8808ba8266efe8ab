package io.stsgate.audit;

/** Counts audit events the store sink could not keep (a metric in production). */
@FunctionalInterface
public interface AuditDrops {

    /** Where {@code cause} is {@code queue-full} or {@code store-failure}. */
    void dropped(String cause, int events);
}
