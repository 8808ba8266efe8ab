package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Every list comes in pages of maxItems, ordered by key, with an opaque nextToken to the next page. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class AdminPaginationTest {

    @Test
    void threePagesVisitEveryRoleOnceInKeyOrder() {
        String account = createAccount();
        for (String name : List.of("e", "a", "d", "b", "c")) {
            createRole(account, role(account, "role-" + name)).statusCode(201);
        }
        String roles = ACCOUNTS + "/" + account + "/roles";

        JsonPath first = given().queryParam("maxItems", 2).get(roles).then().statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("maxItems", 2).queryParam("nextToken", first.getString("nextToken"))
                .get(roles).then().statusCode(200).extract().jsonPath();
        JsonPath third = given().queryParam("maxItems", 2).queryParam("nextToken", second.getString("nextToken"))
                .get(roles).then().statusCode(200).body("nextToken", nullValue()).extract().jsonPath();

        var names = new ArrayList<String>();
        for (JsonPath page : List.of(first, second, third)) {
            names.addAll(page.getList("items.name", String.class));
        }
        assertThat(names).containsExactly("role-a", "role-b", "role-c", "role-d", "role-e");
        assertThat(first.getList("items")).hasSize(2);
        assertThat(third.getList("items")).hasSize(1);
    }

    @Test
    void aListThatFitsHasNoNextToken() {
        String account = createAccount();
        createRole(account, role(account, "only")).statusCode(201);

        given().get(ACCOUNTS + "/" + account + "/roles").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextToken", nullValue());
    }

    @Test
    void aTokenThatIsNotBase64IsRefused() {
        String account = createAccount();

        given().queryParam("nextToken", "***").get(ACCOUNTS + "/" + account + "/roles").then().statusCode(400)
                .body("error.field", equalTo("nextToken"));
    }

    @Test
    void aTokenOfAnotherListIsRefused() {
        String account = createAccount();
        String usersToken = PageRequest.token("user " + account, "arn:aws:iam::" + account + ":user/a");

        given().queryParam("nextToken", usersToken).get(ACCOUNTS + "/" + account + "/roles").then().statusCode(400)
                .body("error.field", equalTo("nextToken"));
    }

    @Test
    void maxItemsAboveTheLimitIsRefused() {
        given().queryParam("maxItems", 1001).get(ACCOUNTS).then().statusCode(400)
                .body("error.field", equalTo("maxItems"));
    }

    @Test
    void maxItemsOfZeroIsRefused() {
        given().queryParam("maxItems", 0).get(ACCOUNTS).then().statusCode(400).body("error.field", equalTo("maxItems"));
    }

    @Test
    void maxItemsInOtherScriptsDigitsOrSignedIsRefused() {
        for (String digits : java.util.List.of("\uFF12", "\u0662", "+2")) {
            given().queryParam("maxItems", digits).get(ACCOUNTS).then().statusCode(400)
                    .body("error.field", equalTo("maxItems"));
        }
    }

    @Test
    void maxItemsThatIsNotANumberIsRefused() {
        given().queryParam("maxItems", "ten").get(ACCOUNTS).then().statusCode(400)
                .body("error.field", equalTo("maxItems"));
    }
}
