package io.heavylegs.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** "Add to home screen": the manifest the layout links, and every icon it names, served from the app itself. */
@QuarkusTest
class WebAppManifestTest {

    @Test
    void everyPageLinksTheManifestAndTheTouchIcon() {
        given().get("/").then().statusCode(200)
                .body(containsString("<link rel=\"manifest\" href=\"/manifest.json\">"))
                .body(containsString("<link rel=\"apple-touch-icon\" href=\"/icons/apple-touch-icon.png\">"));
    }

    @Test
    void theManifestOpensTheJournalLikeAnAppWithSelfHostedIcons() {
        JsonPath manifest = given().get("/manifest.json").then().statusCode(200)
                .contentType(containsString("json")).extract().jsonPath();
        assertEquals("HeavyLegs", manifest.getString("name"));
        assertEquals("/journal", manifest.getString("start_url"));
        assertEquals("standalone", manifest.getString("display"));
        List<Map<String, String>> icons = manifest.getList("icons");
        assertTrue(icons.stream().anyMatch(icon -> "image/svg+xml".equals(icon.get("type"))), "an SVG icon");
        for (Map<String, String> icon : icons) {
            String src = icon.get("src");
            assertTrue(src.startsWith("/icons/"), "self-hosted: " + src);
            byte[] body = given().get(src).then().statusCode(200).contentType(containsString(icon.get("type")))
                    .extract().asByteArray();
            if (icon.get("type").equals("image/png")) {
                // The PNG header's IHDR chunk holds width and height at bytes 16-23.
                ByteBuffer header = ByteBuffer.wrap(body, 16, 8);
                String size = header.getInt() + "x" + header.getInt();
                assertEquals(icon.get("sizes"), size, src);
            }
        }
        byte[] touch = given().get("/icons/apple-touch-icon.png").then().statusCode(200).extract().asByteArray();
        assertEquals(180, ByteBuffer.wrap(touch, 16, 4).getInt());
    }
}
