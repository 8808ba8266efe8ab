package io.stsgate.access.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.stsgate.directory.Directory;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;

/** The nginx face's mappings: the directory's APIs and buckets, asked on every request, and the S3 domains. */
class MappingsTest {

    private static final String ACCOUNTS = """
            accounts:
              - id: "111111111111"
              - id: "222222222222"
            """;

    private static final String ORDERS = """
            apis:
              - name: orders
                service: execute-api
                routes:
                  - method: GET
                    path: /orders/{id}
                    action: orders:GetOrder
                    resource: arn:aws:execute-api:eu-west-1:111111111111:order/{id}
            """;

    private static final String SHARED = """
            buckets:
              - name: shared
                account: "222222222222"
                policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}'
            """;

    private static DirectorySnapshot directory(String yaml) {
        return DirectoryFileLoader.load("directory.yaml",
                new ByteArrayInputStream((ACCOUNTS + yaml).getBytes(StandardCharsets.UTF_8)));
    }

    /** A directory whose snapshot the test replaces, as the store poller replaces a replica's. */
    private static Directory live(AtomicReference<DirectorySnapshot> current) {
        return (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(), new Class<?>[] { Directory.class },
                (proxy, method, args) -> method.invoke(current.get(), args));
    }

    @Test
    void apisAndBucketsComeFromTheDirectory() {
        var mappings = new Mappings(directory(ORDERS + SHARED), List.of("s3.example.com"));

        var mapped = (Mapping.Mapped) mappings.api("orders").orElseThrow()
                .map(new HttpCall("GET", "h", "/orders/9", null, Map.of()));
        assertThat(mapped.questions().get(0).resource()).isEqualTo("arn:aws:execute-api:eu-west-1:111111111111:order/9");
        var bucket = (Mapping.Mapped) mappings.s3().map(new HttpCall("GET", "shared.s3.example.com", "/k", null,
                Map.of()));
        assertThat(bucket.questions().get(0).resourceAccount()).isEqualTo("222222222222");
        assertThat(bucket.questions().get(0).resourcePolicies()).hasSize(1);
    }

    @Test
    void aChangedDirectoryAppliesWithoutNewMappings() {
        var current = new AtomicReference<>(directory(""));
        var mappings = new Mappings(live(current), List.of());
        assertThat(mappings.api("orders")).isEmpty();
        var before = (Mapping.Mapped) mappings.s3().map(new HttpCall("GET", "h", "/shared/k", null, Map.of()));
        assertThat(before.questions().get(0).resourceAccount()).isNull();

        current.set(directory(ORDERS + SHARED));

        assertThat(mappings.api("orders")).isPresent();
        var after = (Mapping.Mapped) mappings.s3().map(new HttpCall("GET", "h", "/shared/k", null, Map.of()));
        assertThat(after.questions().get(0).resourceAccount()).isEqualTo("222222222222");
    }

    @Test
    void anInvalidDomainIsRejected() {
        assertThatThrownBy(() -> new Mappings(directory(""), List.of("s3.example.com", "S3.Example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stsgate.authz.s3-domains[1]: must be a lower-case host name, got 'S3.Example.com'");
    }
}
