package io.stsgate.directory.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import org.jboss.logging.Logger;

/**
 * Tells this replica's in-memory views (directory snapshot, revocation list) that a topic of the store reached a new
 * revision. Fed by this replica's own commits, by PostgreSQL notifications and by polling; each listener sees
 * revisions of its topic in increasing order and each one at most once.
 */
public final class StoreChanges {

    private static final Logger LOG = Logger.getLogger(StoreChanges.class);

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    /** Calls {@code listener} with each new revision of {@code topic} from now on. */
    public void subscribe(String topic, LongConsumer listener) {
        topic(topic).listeners.add(listener);
    }

    /** Sets the revision a view was built from, so the same revision is not announced to it again. */
    public void seen(String topic, long revision) {
        Topic state = topic(topic);
        synchronized (state) {
            state.revision = Math.max(state.revision, revision);
        }
    }

    /** Announces that {@code topic} is at {@code revision}; older or already-seen revisions are ignored. */
    public void published(String topic, long revision) {
        Topic state = topic(topic);
        synchronized (state) {
            if (revision <= state.revision) {
                return;
            }
            state.revision = revision;
            for (LongConsumer listener : state.listeners) {
                try {
                    listener.accept(revision);
                } catch (RuntimeException e) {
                    // One failing view must not stop the others; polling retries at the next revision.
                    LOG.errorf(e, "Reloading %s at revision %d failed", topic, revision);
                    state.revision = revision - 1;
                }
            }
        }
    }

    public List<String> topics() {
        return List.copyOf(topics.keySet());
    }

    private Topic topic(String name) {
        return topics.computeIfAbsent(name, n -> new Topic());
    }

    private static final class Topic {
        private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
        private long revision = -1;
    }
}
