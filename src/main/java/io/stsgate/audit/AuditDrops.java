package io.stsgate.audit;

/** Counts audit events the store sink could not keep (a metric in production). */
@FunctionalInterface
public interface AuditDrops {

    /**
     * @param cause {@code queue-full} (the queue was full while the store was slow or down) or {@code shutdown}
     *        (stsgate stopped before the store took them)
     * @param kind {@code success} or {@code refusal}
     */
    void dropped(String cause, String kind, int events);
}
