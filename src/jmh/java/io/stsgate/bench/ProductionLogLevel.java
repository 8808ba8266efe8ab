package io.stsgate.bench;

import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * Benchmarks run the libraries without Quarkus, whose start-up would set the root log level to INFO. Without it the
 * JBoss LogManager's initial configuration lets every TRACE call through to a buffering handler: OpenSAML and xmlsec
 * then spend their time formatting trace messages nobody reads in production. Call once per trial.
 */
public final class ProductionLogLevel {

    private ProductionLogLevel() {
    }

    public static void apply() {
        LogContext.getSystemLogContext().getLogger("").setLevel(Level.INFO);
    }
}
