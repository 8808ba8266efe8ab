package io.stsgate.access.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.directory.HttpApi;
import io.stsgate.directory.RouteTemplate;
import io.stsgate.engine.AccessQuestion;

/** Declarative routes: method and path template to action and resource ARN. */
class ApiRoutesTest {

    private static HttpApi.Route route(String method, String path, String action, String resource) {
        return new HttpApi.Route(method, RouteTemplate.parse(path).template(), action, resource);
    }

    private final ApiRoutes orders = new ApiRoutes(new HttpApi("orders", "execute-api", List.of(
            route("GET", "/orders/{orderId}", "orders:GetOrder",
                    "arn:aws:execute-api:eu-west-1:111111111111:order/{orderId}"),
            route("*", "/orders/{orderId}/items/{itemId}", "orders:TouchItem",
                    "arn:aws:execute-api:eu-west-1:111111111111:order/{orderId}/item/{itemId}"),
            route("GET", "/files/{path+}", "orders:GetFile", "arn:aws:execute-api:eu-west-1:111111111111:file/{path}"),
            route("GET", "/health", "orders:Health", "arn:aws:execute-api:eu-west-1:111111111111:health"))));

    private Mapping map(String method, String path) {
        return orders.map(new HttpCall(method, "api.example", path, null, Map.of()));
    }

    private AccessQuestion question(String method, String path) {
        return ((Mapping.Mapped) map(method, path)).questions().get(0);
    }

    @Test
    void aVariableSegmentFillsTheResource() {
        assertThat(question("GET", "/orders/o%2D42")).extracting(AccessQuestion::action, AccessQuestion::resource)
                .containsExactly("orders:GetOrder", "arn:aws:execute-api:eu-west-1:111111111111:order/o-42");
    }

    @Test
    void aWildcardMethodMatchesEveryMethod() {
        assertThat(question("DELETE", "/orders/7/items/3").resource())
                .isEqualTo("arn:aws:execute-api:eu-west-1:111111111111:order/7/item/3");
    }

    @Test
    void aRestVariableTakesTheRestOfThePath() {
        assertThat(question("GET", "/files/a/b/c.txt").resource())
                .isEqualTo("arn:aws:execute-api:eu-west-1:111111111111:file/a/b/c.txt");
    }

    @Test
    void literalsMatchExactly() {
        assertThat(question("GET", "/health").action()).isEqualTo("orders:Health");
        assertThat(map("GET", "/health/x")).isInstanceOf(Mapping.Unmapped.class);
    }

    @Test
    void anotherMethodDoesNotMatch() {
        assertThat(((Mapping.Unmapped) map("POST", "/orders/7")).reason())
                .isEqualTo("no route of API 'orders' maps POST /orders/7");
    }

    @Test
    void aSegmentThatDecodesToASlashMatchesNothing() {
        assertThat(map("GET", "/orders/a%2Fb")).isInstanceOf(Mapping.Unmapped.class);
    }

    @Test
    void dotSegmentsMatchNothing() {
        assertThat(map("GET", "/orders/..")).isInstanceOf(Mapping.Unmapped.class);
        assertThat(map("GET", "/files/a/../b")).isInstanceOf(Mapping.Unmapped.class);
    }

    @Test
    void anEmptyVariableMatchesNothing() {
        assertThat(map("GET", "/orders/")).isInstanceOf(Mapping.Unmapped.class);
    }
}
