package io.stsgate.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * The management interface (health, metrics, OpenAPI) of the stsgate a {@code @QuarkusTest} started: its own port,
 * chosen free at start-up ({@code %test.quarkus.management.test-port=0}) and published by Quarkus as a system
 * property.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static int port() {
        String port = System.getProperty("quarkus.management.test-port");
        if (port == null || "0".equals(port)) {
            throw new IllegalStateException("the management interface of the test application is not listening");
        }
        return Integer.parseInt(port);
    }

    /** A REST Assured request to the management interface. */
    public static RequestSpecification request() {
        return given().port(port());
    }
}
