package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * HTTP APIs and buckets in the directory file (moved from the nginx face's former mapping file): what loads, and one
 * test per rejection, each naming the file, the entry and the problem.
 */
class HttpApisLoadingTest {

    private static final String ACCOUNTS = """
            accounts:
              - id: "111111111111"
              - id: "222222222222"
            """;

    private static DirectorySnapshot load(String yaml) {
        return DirectoryFileLoader.load("directory.yaml",
                new ByteArrayInputStream((ACCOUNTS + yaml).getBytes(StandardCharsets.UTF_8)));
    }

    private static void rejects(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DirectoryFileException.class).hasMessageContaining(message)
                .hasMessageStartingWith("directory.yaml: ");
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
    void apisAndBucketsLoad() {
        DirectorySnapshot directory = load("""
                buckets:
                  - name: shared
                    account: "222222222222"
                    policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}'
                """ + api(ROUTE));

        HttpApi orders = directory.httpApi("orders").orElseThrow();
        assertThat(orders.service()).isEqualTo("execute-api");
        assertThat(orders.routes()).singleElement().satisfies(route -> {
            assertThat(route.path().match("/orders/9")).contains(java.util.Map.of("id", "9"));
            assertThat(route.resource()).isEqualTo("arn:aws:execute-api:eu-west-1:111111111111:order/{id}");
        });
        Bucket shared = directory.bucket("shared").orElseThrow();
        assertThat(shared.account()).isEqualTo("222222222222");
        assertThat(shared.policies()).hasSize(1);
        assertThat(directory.bucket("other")).isEmpty();
    }

    @Test
    void aDirectoryWithoutThemHasNone() {
        assertThat(load("").httpApi("orders")).isEmpty();
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertThatThrownBy(() -> load("buckets:\n  - name: shared\n    owner: \"111111111111\"\n"))
                .isInstanceOf(DirectoryFileException.class).hasMessageContaining("owner");
    }

    @Test
    void anInvalidBucketNameIsRejected() {
        rejects("buckets:\n  - name: Bad_Bucket\n    account: \"111111111111\"\n",
                "buckets[0]: name: must be an S3 bucket name");
    }

    @Test
    void aBucketWithoutItsAccountIsRejected() {
        rejects("buckets:\n  - name: shared\n", "buckets[0] 'shared': account: the owning account");
    }

    @Test
    void aBucketOfAnAccountNotInTheDirectoryIsRejected() {
        rejects("buckets:\n  - name: shared\n    account: \"999999999999\"\n",
                "buckets[0] 'shared': account: the owning account, an account of this directory");
    }

    @Test
    void anInvalidBucketPolicyIsRejected() {
        rejects("buckets:\n  - name: shared\n    account: \"111111111111\"\n    policy: {Statement: 3}\n",
                "buckets[0] 'shared': policy:");
    }

    @Test
    void aDuplicateBucketIsRejected() {
        rejects("""
                buckets:
                  - {name: shared, account: "111111111111"}
                  - {name: shared, account: "222222222222"}
                """, "buckets[1] 'shared': name: duplicate bucket");
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
    void aServiceThatIsNoSigV4ServiceNameIsRejected() {
        rejects(api(ROUTE).replace("service: execute-api", "service: Execute API"),
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
