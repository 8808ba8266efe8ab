package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.AuditQuery;
import io.stsgate.directory.store.JdbcAuditStore;
import io.stsgate.testsupport.TestClients;

/**
 * The running server keeps its audit trail at the size cap by itself, run after run: three events at most here, purged
 * every second, so the purge's scheduling (not only the store's statement) is what is tested.
 */
@QuarkusTest
@TestProfile(AuditPurgeHttpTest.TinyTrail.class)
class AuditPurgeHttpTest {

    static final int CAP = 3;

    public static final class TinyTrail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsgate.audit.store.max-events", Integer.toString(CAP), "stsgate.audit.store.purge-interval",
                    "PT1S");
        }
    }

    @TestHTTPResource("/")
    URL url;
    @Inject
    JdbcAuditStore audit;

    @Test
    void theTrailIsCutBackToTheCapAgainAndAgain() throws Exception {
        for (int round = 0; round < 2; round++) {
            var requests = new ArrayList<String>();
            try (var sts = TestClients.alice(url.toURI())) {
                for (int i = 0; i < 8; i++) {
                    requests.add(sts.getCallerIdentity().responseMetadata().requestId());
                }
            }
            List<String> newest = requests.subList(requests.size() - CAP, requests.size());

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> stored = stored();
            while (!(stored.size() <= CAP && stored.containsAll(newest)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                stored = stored();
            }
            assertThat(stored).hasSizeLessThanOrEqualTo(CAP).containsAll(newest);
        }
    }

    private List<String> stored() {
        return audit.query(new AuditQuery(null, null, null, null, null, 100, null)).events().stream()
                .map(AuditEvent::requestId).toList();
    }
}
