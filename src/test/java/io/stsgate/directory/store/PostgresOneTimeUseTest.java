package io.stsgate.directory.store;

import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestStores;
import io.stsgate.testsupport.store.TestStores.TestStore;

@RequiresPostgres
class PostgresOneTimeUseTest extends OneTimeUseContract {

    @Override
    TestStore newStore() {
        return TestStores.postgres();
    }
}
