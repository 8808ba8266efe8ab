package io.stsgate.runtime;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns {@code stsgate.store.kind} into which of the two built-in connection pools is active, so the other one is
 * never opened, health-checked or migrated. Low ordinal: an explicit {@code quarkus.datasource.*.active} still wins.
 */
public final class StoreSelection implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue kind = context.getValue("stsgate.store.kind");
        boolean postgres = kind != null && "postgresql".equals(kind.getValue());
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.embedded.active", Boolean.toString(!postgres),
                "quarkus.datasource.postgresql.active", Boolean.toString(postgres)), "stsgate-store-selection", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }
}
