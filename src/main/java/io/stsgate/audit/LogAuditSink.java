package io.stsgate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes each audit event as one JSON line on the {@code stsgate.audit} log category. Typed to itself: the application
 * injects the {@link AuditFanOut} as its {@link AuditSink}.
 */
@ApplicationScoped
@Typed(LogAuditSink.class)
public class LogAuditSink implements AuditSink {

    private static final Logger LOG = Logger.getLogger("stsgate.audit");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public void record(AuditEvent event) {
        try {
            LOG.info(JSON.writeValueAsString(event));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf("audit event %s could not be written: %s", event.requestId(), e.getClass().getSimpleName());
        }
    }
}
