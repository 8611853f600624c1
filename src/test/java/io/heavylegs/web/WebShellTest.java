package io.heavylegs.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebShellTest {

    @Test
    void homeSaysWhatHeavyLegsIs() {
        given().get("/").then().statusCode(200)
                .body(containsString("<h1>"))
                .body(containsString("href=\"/register\""))
                .body(containsString("href=\"/login\""));
    }

    @Test
    void unknownPathIsA404PageInsideTheLayout() {
        given().get("/no/such/page").then().statusCode(404)
                .body(containsString("Page not found"))
                .body(containsString("class=\"site-header\""))
                .body(not(containsString("Exception")));
    }

    @Test
    void flashMessageIsShownOnceAfterRegistering() {
        TestUser visitor = TestUser.anonymous();
        visitor.post("/register", Map.of("email", "flash-" + System.nanoTime() + "@example.org",
                "password", TestUser.PASSWORD, "confirmPassword", TestUser.PASSWORD)).then().statusCode(303);
        visitor.get("/login").then().statusCode(200).body(containsString("class=\"flash\""));
        visitor.get("/login").then().statusCode(200).body(not(containsString("class=\"flash\"")));
    }

    @Test
    void everyFormCarriesTheCsrfField() {
        TestUser user = TestUser.registered();
        user.get("/account").then().body(containsString("name=\"csrf-token\""));
        TestUser.anonymous().get("/register").then().body(containsString("name=\"csrf-token\""));
    }

    @Test
    void readinessReportsTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"))
                .body(containsString("Database"));
    }
}
