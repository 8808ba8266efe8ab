package io.stsgate.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages one log category receives while attached: for tests that assert on what reaches a log. */
public final class CapturedLog extends Handler {

    private final Logger logger;
    private final List<String> messages = new ArrayList<>();

    public CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
    }

    public void attach() {
        logger.addHandler(this);
    }

    public void detach() {
        logger.removeHandler(this);
    }

    /** What was captured so far, in order. */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (messages) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
