package io.heavylegs.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.heavylegs.database.PlainSql;
import io.heavylegs.support.TestUser;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Passkeys over HTTP: owned like everything else (another user's passkey is never listed and answers 404 on
 * remove), exported by name and date only, deleted with the account; the sign-in refuses what is not a valid
 * answer and is throttled per client address like a password; the extension's own endpoints and session restore
 * are not there. The ceremony itself, with a real authenticator, is PasskeyBrowserTest's.
 */
@QuarkusTest
class PasskeysTest {

    @Inject
    DataSource dataSource;

    @Test
    void anotherUsersPasskeyIsNeverListedAndAnswers404OnRemove() {
        TestUser owner = TestUser.registered();
        TestUser other = TestUser.registered();
        long passkey = addPasskey(owner, "Owner's phone");

        Document ownersPage = Jsoup.parse(owner.get("/account").then().statusCode(200).extract().asString());
        assertNotNull(ownersPage.selectFirst("[data-passkey=" + passkey + "]"), ownersPage.select("#passkeys").outerHtml());
        assertTrue(ownersPage.select("#passkeys").text().contains("Owner's phone"));

        Document othersPage = Jsoup.parse(other.get("/account").then().statusCode(200).extract().asString());
        assertTrue(othersPage.select("[data-passkey]").isEmpty(), othersPage.select("#passkeys").outerHtml());
        assertFalse(othersPage.text().contains("Owner's phone"));
        assertNotNull(othersPage.selectFirst("[data-passkeys=none]"));

        other.post("/account/passkeys/" + passkey + "/remove", Map.of()).then().statusCode(404);
        other.post("/account/passkeys/" + (passkey + 1_000_000) + "/remove", Map.of()).then().statusCode(404);
        other.post("/account/passkeys/not-a-number/remove", Map.of()).then().statusCode(404);
        assertEquals(1, passkeysOf(owner), "another user's remove changed nothing");

        owner.post("/account/passkeys/" + passkey + "/remove", Map.of()).then().statusCode(303)
                .header("Location", containsString("/account#passkeys"));
        assertEquals(0, passkeysOf(owner));
        owner.post("/account/passkeys/" + passkey + "/remove", Map.of()).then().statusCode(404);
    }

    @Test
    void addingWithoutANameOrWithoutTheDevicesAnswerKeepsTheFormAndSaysWhy() {
        TestUser owner = TestUser.registered();
        Document noAnswer = Jsoup.parse(owner.post("/account/passkeys", Map.of("passkeyName", "My phone"))
                .then().statusCode(400).extract().asString());
        assertNotNull(noAnswer.selectFirst("[data-error-for=credential]"), noAnswer.select("#passkeys").outerHtml());
        assertEquals("My phone", noAnswer.selectFirst("#passkeyName").val(), "what was typed is kept");
        Document noName = Jsoup.parse(owner.post("/account/passkeys", Map.of("passkeyName", " ", "credential", "{}"))
                .then().statusCode(400).extract().asString());
        assertNotNull(noName.selectFirst("[data-error-for=passkeyName]"));
        Document badAnswer = Jsoup.parse(owner.post("/account/passkeys", Map.of("passkeyName", "Laptop", "credential",
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{}}"))
                .then().statusCode(400).extract().asString());
        assertNotNull(badAnswer.selectFirst("[data-error-for=credential]"));
        assertEquals(0, passkeysOf(owner));
    }

    @Test
    void aPasskeyLoginLandsOnTheAskedPageOfThisSiteOnly() {
        assertEquals("/journal/new", PasskeyResource.landing("http://localhost:8081/journal/new"));
        assertEquals("/journal", PasskeyResource.landing(null));
        assertEquals("/journal", PasskeyResource.landing("http://evil.example//evil.example/x"));
        assertEquals("/journal", PasskeyResource.landing("/login"));
        assertEquals("/journal", PasskeyResource.landing("not a uri"));
    }

    @Test
    void removingNeedsASignedInUserAndTheCsrfToken() {
        TestUser owner = TestUser.registered();
        long passkey = addPasskey(owner, "Laptop");
        TestUser.anonymous().post("/account/passkeys/" + passkey + "/remove", Map.of()).then().statusCode(302)
                .header("Location", containsString("/login"));
        owner.request().post("/account/passkeys/" + passkey + "/remove").then().statusCode(400);
        owner.request().header("Origin", "https://evil.example")
                .post("/account/passkeys/" + passkey + "/remove").then().statusCode(403);
        assertEquals(1, passkeysOf(owner));
    }

    @Test
    void theExportListsPasskeysByNameAndDateWithoutKeyMaterial() {
        TestUser owner = TestUser.registered();
        TestUser other = TestUser.registered();
        addPasskey(owner, "Phone");
        addPasskey(other, "Other's key");

        String json = owner.get("/account/export").then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(json);
        assertEquals(List.of("Phone"), export.getList("passkeys.name"));
        assertNotNull(export.getString("passkeys[0].created"));
        assertFalse(json.contains("Other's key"));
        assertFalse(json.contains("publicKey") || json.contains("public_key") || json.contains("credentialId")
                || json.contains("AQIDBA"), json);
    }

    @Test
    void deletingTheAccountDeletesItsPasskeys() {
        TestUser owner = TestUser.registered();
        addPasskey(owner, "Phone");
        long id = userId(owner);
        owner.post("/account/delete", Map.of("password", TestUser.PASSWORD)).then().statusCode(303);
        assertEquals(0L, (long) PlainSql.query(dataSource, "SELECT count(*) FROM passkey WHERE user_id = :id",
                Map.of("id", id), rows -> {
                    rows.next();
                    return rows.getLong(1);
                }));
    }

    @Test
    void theSignInOptionsNameTheSiteAndKeepTheChallengeInAnHttpOnlyCookie() {
        TestUser visitor = TestUser.anonymous();
        Response options = visitor.post("/login/passkey/options", Map.of());
        options.then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", containsString("no-store"));
        JsonPath json = options.jsonPath();
        assertEquals("localhost", json.getString("rpId"));
        assertEquals("required", json.getString("userVerification"));
        assertTrue(json.getString("challenge").length() >= 43, json.prettify());
        String setCookie = options.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("heavylegs-passkey=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly")
                && setCookie.contains("SameSite=Strict"), setCookie);

        visitor.request().post("/login/passkey/options").then().statusCode(400);
        visitor.request().header("Origin", "https://evil.example").post("/login/passkey/options").then().statusCode(403);
        TestUser.anonymous().post("/account/passkeys/options", Map.of()).then().statusCode(302);
        TestUser owner = TestUser.registered();
        JsonPath creation = owner.post("/account/passkeys/options", Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(owner.email, creation.getString("user.name"));
        assertEquals("localhost", creation.getString("rp.id"));
        assertEquals("HeavyLegs", creation.getString("rp.name"));
    }

    @Test
    void anAnswerThatIsNoPasskeyIsRefusedWithThePageAndCountsAgainstTheAddress() {
        TestUser visitor = TestUser.anonymous();
        visitor.post("/login/passkey/options", Map.of()).then().statusCode(200);
        visitor.post("/login/passkey", Map.of()).then().statusCode(400)
                .body(containsString("needs JavaScript"));
        for (String answer : List.of("not json", "[]", "{}", "{\"rawId\":42}",
                "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                        + "\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}")) {
            visitor.post("/login/passkey", Map.of("credential", answer)).then().statusCode(400)
                    .body(containsString("data-error-for=\"credential\""))
                    .header("Set-Cookie", not(containsString("heavylegs-session=")));
        }
        // Each answer names another passkey, so that only the address's limit (20) is reached
        for (int i = 5; i < 20; i++) {
            visitor.post("/login/passkey", Map.of("credential", "{\"rawId\":\"x" + i + "\"}")).then().statusCode(400);
        }
        visitor.post("/login/passkey", Map.of("credential", "{\"rawId\":\"y\"}")).then().statusCode(429)
                .header("Retry-After", not(""));
        // The address is throttled for passwords too: one limit per address, whatever the way in
        visitor.request().formParam("j_username", TestUser.registered().email).formParam("j_password", "whatever")
                .post("/j_security_check").then().statusCode(429);
    }

    @Test
    void theExtensionsOwnEndpointsAreUnknownPages() {
        for (String path : List.of("/q/webauthn/login-options-challenge", "/q/webauthn/register-options-challenge"
                + "?username=x", "/q/webauthn/webauthn.js", "/q/webauthn/logout", "/.well-known/webauthn",
                "//q/webauthn/webauthn.js")) {
            Response page = given().redirects().follow(false).get(path);
            page.then().statusCode(404);
            assertTrue(page.headers().getValues("Set-Cookie").stream()
                    .noneMatch(header -> header.startsWith("heavylegs-passkey=")), path + " made a challenge");
        }
        given().redirects().follow(false).post("/q/webauthn/login").then().statusCode(404);
    }

    @Test
    void onlyTheAppsSessionCheckRestoresASession() {
        List<String> restoring = Arc.container().beanManager()
                .getBeans(new TypeLiteral<IdentityProvider<TrustedAuthenticationRequest>>() {
                }.getType(), Any.Literal.INSTANCE).stream()
                .map(bean -> bean.getBeanClass().getName())
                .toList();
        assertEquals(List.of(SessionIdentityProvider.class.getName()), restoring);
    }

    /** A passkey row as registration stores it; its key bytes are 01 02 03 04 (Base64 AQIDBA). */
    private long addPasskey(TestUser user, String name) {
        return PlainSql.query(dataSource, "INSERT INTO passkey (user_id, credential_id, public_key, public_key_algorithm, "
                + "name) VALUES (:user, :credential, decode('01020304', 'hex'), -7, :name) RETURNING id",
                Map.of("user", userId(user), "credential", "cred-" + java.util.UUID.randomUUID(), "name", name),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    private long passkeysOf(TestUser user) {
        return PlainSql.query(dataSource, "SELECT count(*) FROM passkey WHERE user_id = :id", Map.of("id", userId(user)),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    private long userId(TestUser user) {
        return PlainSql.query(dataSource, "SELECT id FROM app_user WHERE email = :email", Map.of("email", user.email),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }
}
