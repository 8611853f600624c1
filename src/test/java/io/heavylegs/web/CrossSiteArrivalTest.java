package io.heavylegs.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A navigation from another site to a landing page carries no Strict session cookie: it is sent to a page that
 * opens it again from this site; everything else goes to the login page as before.
 */
@QuarkusTest
class CrossSiteArrivalTest {

    private static RequestSpecification fromAMailClient(TestUser client) {
        return client.request().header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document");
    }

    @Test
    void aLinkFromAnotherSiteOpensTheNewEntryFormAgainFromThisSite() {
        TestUser mailClient = TestUser.anonymous();
        fromAMailClient(mailClient).get("/journal/new?like=5").then().statusCode(303)
                .header("Location", endsWith("/arriving?to=/journal/new"));
        mailClient.request().header("Sec-Fetch-Site", "cross-site").get("/arriving?to=/journal/new").then()
                .statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("<meta http-equiv=\"refresh\" content=\"0; url=/journal/new\">"))
                .body(containsString("href=\"/journal/new\" data-arrival=\"continue\""));
    }

    @Test
    void theSecondOpeningFromThisSiteGoesToTheLoginAsBefore() {
        TestUser.anonymous().request().header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                .get("/journal/new").then().statusCode(302).header("Location", endsWith("/login"));
        // A browser that sends no Sec-Fetch headers
        TestUser.anonymous().get("/journal/new").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void onlyTheLandingPagesAndOnlyTopLevelNavigations() {
        fromAMailClient(TestUser.anonymous()).get("/account").then().statusCode(302)
                .header("Location", endsWith("/login"));
        fromAMailClient(TestUser.anonymous()).get("/journal/12").then().statusCode(302)
                .header("Location", endsWith("/login"));
        TestUser.anonymous().request().header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors")
                .get("/journal/new").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aSignedInRequestIsServedAsItIs() {
        TestUser user = TestUser.registered();
        fromAMailClient(user).get("/journal/new").then().statusCode(200)
                .body(containsString("action=\"/journal\""));
    }

    @Test
    void theArrivalPageLeadsOnlyToALandingPage() {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example", "/account/export", ""}) {
            TestUser.anonymous().request().queryParam("to", elsewhere).get("/arriving").then().statusCode(200)
                    .body(containsString("url=/journal\""))
                    .body(not(containsString("evil.example")));
        }
    }
}
