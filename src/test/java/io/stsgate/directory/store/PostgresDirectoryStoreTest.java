package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestStores;
import io.stsgate.testsupport.store.TestStores.TestStore;

@RequiresPostgres
class PostgresDirectoryStoreTest extends DirectoryStoreContract {

    @Override
    TestStore newStore() {
        return TestStores.postgres();
    }

    @Test
    void aNotificationReachesAnotherReplicaWithoutWaitingForThePoll() throws Exception {
        var otherChanges = new StoreChanges();
        var revisions = Collections.synchronizedList(new ArrayList<Long>());
        otherChanges.subscribe(JdbcDirectoryStore.TOPIC, revisions::add);
        otherChanges.seen(JdbcDirectoryStore.TOPIC, 0);
        // Polling once an hour: only LISTEN/NOTIFY can deliver within the test.
        try (var poller = new StorePoller(store.dataSource(), store.dialect(), otherChanges, Duration.ofHours(1),
                Duration.ofSeconds(5), new StoreHealth(java.time.Clock.systemUTC()))) {
            poller.start();
            long listening = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!poller.listening() && System.nanoTime() < listening) {
                Thread.sleep(20);
            }
            directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (revisions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(revisions).containsExactly(1L);
    }
}
