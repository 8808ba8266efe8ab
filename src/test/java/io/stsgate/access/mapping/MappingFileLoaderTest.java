package io.stsgate.access.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The mapping file: what it accepts, and one test per rejection, each naming the file, the entry and the problem. */
class MappingFileLoaderTest {

    private static final List<String> SERVICES = List.of("s3", "execute-api");

    private static Mappings load(String yaml) {
        return MappingFileLoader.load("mappings.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                SERVICES);
    }

    private static void rejects(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(MappingFileException.class).hasMessageContaining(message)
                .hasMessageStartingWith("mappings.yaml: ");
    }

    private static String api(String route) {
        return """
                apis:
                  - name: orders
                    service: execute-api
                    routes:
                """ + route.indent(6);
    }

    private static final String ROUTE = """
            - method: GET
              path: /orders/{id}
              action: orders:GetOrder
              resource: arn:aws:execute-api:eu-west-1:111111111111:order/{id}
            """;

    @Test
    void aCompleteFileLoads() {
        Mappings mappings = load("""
                s3:
                  domains: [s3.example.com]
                  buckets:
                    - name: shared
                      account: "222222222222"
                      policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}'
                """ + api(ROUTE));

        assertThat(mappings.api("orders")).isPresent();
        var mapped = (Mapping.Mapped) mappings.api("orders").orElseThrow()
                .map(new HttpCall("GET", "h", "/orders/9", null, Map.of()));
        assertThat(mapped.questions().get(0).resource()).isEqualTo("arn:aws:execute-api:eu-west-1:111111111111:order/9");
        var bucket = (Mapping.Mapped) mappings.s3().map(new HttpCall("GET", "shared.s3.example.com", "/k", null,
                Map.of()));
        assertThat(bucket.questions().get(0).resourceAccount()).isEqualTo("222222222222");
        assertThat(bucket.questions().get(0).resourcePolicies()).hasSize(1);
    }

    @Test
    void anEmptyFileIsNoMapping() {
        assertThat(load("").apis()).isEmpty();
    }

    @Test
    void anUnknownFieldIsRejected() {
        rejects("s3:\n  domainz: [x]\n", "domainz");
    }

    @Test
    void anInvalidDomainIsRejected() {
        rejects("s3:\n  domains: [S3.Example.com]\n", "s3 > domains[0]: must be a lower-case host name");
    }

    @Test
    void anInvalidBucketNameIsRejected() {
        rejects("s3:\n  buckets:\n    - name: Bad_Bucket\n      account: \"111111111111\"\n",
                "s3 > buckets[0]: name: must be an S3 bucket name");
    }

    @Test
    void aBucketWithoutItsAccountIsRejected() {
        rejects("s3:\n  buckets:\n    - name: shared\n", "s3 > buckets[0] 'shared': account:");
    }

    @Test
    void anInvalidBucketPolicyIsRejected() {
        rejects("s3:\n  buckets:\n    - name: shared\n      account: \"111111111111\"\n      policy: {Statement: 3}\n",
                "s3 > buckets[0] 'shared': policy:");
    }

    @Test
    void aDuplicateBucketIsRejected() {
        rejects("""
                s3:
                  buckets:
                    - {name: shared, account: "111111111111"}
                    - {name: shared, account: "222222222222"}
                """, "s3 > buckets[1] 'shared': name: duplicate bucket");
    }

    @Test
    void anInvalidApiNameIsRejected() {
        rejects(api(ROUTE).replace("name: orders", "name: Orders API"), "apis[0]: name: must be 1 to 63");
    }

    @Test
    void aDuplicateApiIsRejected() {
        String one = api(ROUTE);
        rejects(one + one.substring(one.indexOf("  - name")), "apis[1] 'orders': name: duplicate API");
    }

    @Test
    void aServiceNotOnTheAllowListIsRejected() {
        rejects(api(ROUTE).replace("service: execute-api", "service: sts"),
                "apis[0] 'orders': service: the SigV4 service name");
    }

    @Test
    void anApiWithoutRoutesIsRejected() {
        rejects("apis:\n  - name: orders\n    service: s3\n", "apis[0] 'orders': routes: at least one route");
    }

    @Test
    void anUnknownMethodIsRejected() {
        rejects(api(ROUTE.replace("method: GET", "method: FETCH")), "routes[0]: method: must be one of");
    }

    @Test
    void aPathNotStartingWithASlashIsRejected() {
        rejects(api(ROUTE.replace("path: /orders/{id}", "path: orders/{id}")), "routes[0]: path: 'orders/{id}' must"
                + " start with /");
    }

    @Test
    void aVariableThatIsNotAWholeSegmentIsRejected() {
        rejects(api(ROUTE.replace("path: /orders/{id}", "path: /orders/id-{id}")), "must be a literal or a whole");
    }

    @Test
    void aRestVariableBeforeTheEndIsRejected() {
        rejects(api(ROUTE.replace("path: /orders/{id}", "path: /orders/{id+}/items")), "{id+} must be the last");
    }

    @Test
    void aVariableTwiceIsRejected() {
        rejects(api(ROUTE.replace("path: /orders/{id}", "path: /orders/{id}/{id}")), "variable {id} appears twice");
    }

    @Test
    void aLiteralWithUnencodedCharactersIsRejected() {
        rejects(api(ROUTE.replace("path: /orders/{id}", "path: /orders/a b/{id}")), "has characters");
    }

    @Test
    void aWildcardActionIsRejected() {
        rejects(api(ROUTE.replace("action: orders:GetOrder", "action: orders:Get*")), "routes[0]: action:");
    }

    @Test
    void aResourceThatIsNoArnIsRejected() {
        rejects(api(ROUTE.replace("resource: arn:aws:execute-api:eu-west-1:111111111111:order/{id}",
                "resource: order/{id}")), "routes[0]: resource: must be an ARN template");
    }

    @Test
    void aResourceVariableThePathDoesNotHaveIsRejected() {
        rejects(api(ROUTE.replace("order/{id}", "order/{orderId}")), "resource: {orderId} is not a variable of path");
    }

    @Test
    void aDuplicateRouteIsRejected() {
        rejects(api(ROUTE + ROUTE), "routes[1]: duplicate route GET /orders/{id}");
    }
}
