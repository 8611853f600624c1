package io.heavylegs.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SitemapResourceTest {

    @Test
    void listsTheHomePageAndEveryArticleAsAbsoluteUrls() {
        String xml = given().get("/sitemap.xml").then().statusCode(200)
                .contentType("application/xml").extract().asString();
        Document sitemap = Jsoup.parse(xml, "", Parser.xmlParser());
        List<String> urls = sitemap.select("url > loc").eachText();
        assertTrue(urls.contains("http://localhost:8080/"), urls.toString());
        for (String slug : ArticleResourceTest.SLUGS) {
            assertTrue(urls.contains("http://localhost:8080/articles/" + slug), slug);
        }
        assertEquals(ArticleResourceTest.SLUGS.size() + 2, urls.size(), "the home page, the index and every article");
        assertTrue(xml.startsWith("<?xml"));
    }
}
