package io.stsgate.audit;

/** Where audit events go. Implementations must not throw: a failing sink never turns a denial into a success. */
public interface AuditSink {

    void record(AuditEvent event);
}
