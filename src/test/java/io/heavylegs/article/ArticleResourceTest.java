package io.heavylegs.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.heavylegs.support.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ArticleResourceTest {

    /** The contract's eleven slugs, in the order the index lists them. */
    static final List<String> SLUGS = List.of("heavy-legs", "other-causes", "iron-deficiency",
            "vitamin-d-deficiency", "vitamin-b12-deficiency", "magnesium-deficiency",
            "dehydration-and-electrolytes", "restless-legs-syndrome", "blood-tests", "when-to-see-a-doctor",
            "heavy-legs-faq");

    static List<String> slugs() {
        return SLUGS;
    }

    @ParameterizedTest
    @MethodSource("slugs")
    void everyArticleShowsItsParts(String slug) {
        ArticleFile file = ArticleSync.readSourceFiles().stream()
                .filter(f -> f.meta().slug().equals(slug)).findFirst().orElseThrow();
        Document page = get("/articles/" + slug);

        assertEquals(file.meta().title(), page.selectFirst("h1").text());
        assertTrue(page.title().startsWith(file.meta().title()));
        assertTrue(page.selectFirst(".article__header .lead").text().startsWith(file.meta().summary().substring(0, 40)));
        assertTrue(page.text().contains("Last reviewed 1 December 2026 · Next review due 1 December 2027"),
                "review dates shown");
        assertEquals("Written and reviewed against its sources by the HeavyLegs editorial team. It has not yet "
                + "been reviewed by a clinician.", page.selectFirst(".article__header .article__provenance").text());
        assertEquals(file.meta().sources().size(), page.select(".article-sources li a[href^=https://]").size());
        assertEquals(file.related().size(), page.select(".article-related li a").size());
        assertNotNull(page.selectFirst("a[href=/journal/new]:contains(Track these symptoms in your journal)"));
        assertTrue(page.selectFirst(".article__notice").text().contains("not medical advice"));
        assertTrue(page.selectFirst(".article__notice").text().contains("see a doctor"));
        assertFalse(page.select(".article-body .article-care").isEmpty(), "care cards where they apply");
    }

    @Test
    void careCardsSayTheirLevelInWordsAndTheWarningPageHasAllThree() {
        Document page = get("/articles/when-to-see-a-doctor");
        assertEquals(List.of("Call emergency services if:", "Get help the same day if:", "See a doctor if:"),
                page.select(".article-care .article-care__title strong").eachText());
        assertEquals(List.of("article-care article-care--emergency", "article-care article-care--same-day",
                "article-care article-care--see-doctor"), page.select(".article-care").eachAttr("class"));
        for (Element card : page.select(".article-care")) {
            assertEquals("true", card.selectFirst(".article-care__icon").attr("aria-hidden"));
            assertFalse(card.select("li").isEmpty(), "every card lists its signs");
        }
        assertFalse(page.html().contains("[!"), "no card marker is left on the page");
    }

    @Test
    void everyLinkFromOneArticleToAnotherWorks() {
        for (String slug : SLUGS) {
            for (Element link : get("/articles/" + slug).select(".article-body a[href^=/articles/]")) {
                given().get(link.attr("href")).then().statusCode(200);
            }
        }
    }
    @Test
    void everyContentsLinkPointsAtAHeadingOfTheBody() {
        for (String slug : SLUGS) {
            Document page = get("/articles/" + slug);
            List<Element> links = page.select(".article-toc a");
            assertTrue(links.size() >= 3, slug + " has a table of contents");
            for (Element link : links) {
                String href = link.attr("href");
                assertTrue(href.startsWith("#"), href);
                Element target = page.selectFirst(".article-body [id=" + href.substring(1) + "]");
                assertNotNull(target, slug + ": " + href + " has no target");
                assertTrue(target.tagName().matches("h[23]"), slug + ": " + href + " is not a heading");
                assertEquals(target.text(), link.text());
            }
        }
    }

    @Test
    void overviewHasTheComparisonTableWithHeaderCells() {
        Document page = get("/articles/heavy-legs");
        Element table = page.selectFirst(".article-body table");
        assertNotNull(table);
        assertEquals(List.of("Nutrient", "Main leg symptoms", "What goes wrong", "Where it comes from"),
                table.select("thead th").eachText());
        assertEquals(4, table.select("tbody tr").size());
        for (Element row : table.select("tbody tr")) {
            assertEquals(List.of("Nutrient", "Main leg symptoms", "What goes wrong", "Where it comes from"),
                    row.select("td").eachAttr("data-label"), "each cell names its column on a phone");
        }
    }

    @Test
    void headCarriesSearchEngineData() throws Exception {
        Document page = get("/articles/iron-deficiency");
        String title = "Iron deficiency: tired, heavy legs and restless legs";
        String canonical = "http://localhost:8080/articles/iron-deficiency";
        assertEquals(canonical, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(title, page.selectFirst("meta[property=og:title]").attr("content"));
        String description = page.selectFirst("meta[name=description]").attr("content");
        assertTrue(description.startsWith("Iron helps your blood carry oxygen"), description);
        assertEquals(description, page.selectFirst("meta[property=og:description]").attr("content"));

        Element script = page.selectFirst("script[type=application/ld+json]");
        JsonNode json = new ObjectMapper().readTree(script.data());
        assertEquals("MedicalWebPage", json.get("@type").asText());
        assertEquals(title, json.get("name").asText());
        assertEquals(description, json.get("description").asText());
        assertEquals("2026-12-01", json.get("lastReviewed").asText());
        assertEquals(canonical, json.get("url").asText());
        assertEquals("Iron deficiency anaemia", json.get("about").get("name").asText());
        assertEquals("HeavyLegs editorial team", json.get("author").get("name").asText());
        assertNull(json.get("reviewedBy"), "no clinician has reviewed the articles yet");
        assertFalse(script.data().contains("<"), "no '<' can end the script element early");
    }

    @Test
    void unknownSlugIsTheNotFoundPage() {
        given().get("/articles/scurvy").then().statusCode(404).body(containsString("Page not found"));
        given().get("/articles/..%2Fsitemap.xml").then().statusCode(404);
    }

    @Test
    void indexListsEveryArticleWithReviewDateAndASearchBox() {
        Document page = get("/articles");
        List<String> links = page.select(".article-card h2 a").eachAttr("href");
        assertEquals(SLUGS.stream().map(s -> "/articles/" + s).toList(), links);
        assertEquals(SLUGS.size(), page.select(".article-card time[datetime=2026-12-01]").size());
        Element input = page.selectFirst("form[role=search] input[name=q]");
        assertNotNull(page.selectFirst("label[for=" + input.id() + "]"));
    }

    @Test
    void articlePageAnswersNotModifiedToItsOwnETag() {
        Response first = given().get("/articles/magnesium-deficiency");
        first.then().statusCode(200).header("Cache-Control", containsString("max-age"));
        String etag = first.header("ETag");
        assertNotNull(etag);

        given().header("If-None-Match", etag).get("/articles/magnesium-deficiency")
                .then().statusCode(304).header("ETag", equalTo(etag)).body(equalTo(""));
        given().header("If-None-Match", "\"something-else\"").get("/articles/magnesium-deficiency")
                .then().statusCode(200);
        // Another article has another tag.
        given().header("If-None-Match", etag).get("/articles/iron-deficiency").then().statusCode(200);
    }

    @Test
    void aSignedInReadersPageIsNeverSharedNorAnsweredFromTheAnonymousCache() {
        given().get("/articles/iron-deficiency");
        String anonymousTag = given().get("/articles/iron-deficiency").header("ETag"); // kept in memory by now
        TestUser user = TestUser.registered();
        Response response = user.request().header("If-None-Match", anonymousTag).get("/articles/iron-deficiency");
        response.then().statusCode(200).header("Cache-Control", "private, no-store")
                .body(containsString("Log out"));
        assertNull(response.header("ETag"));
    }

    @Test
    void anAnonymousPageIsAnsweredFromMemoryOnceRendered() {
        Response rendered = given().get("/articles/vitamin-d-deficiency");
        Response kept = given().get("/articles/vitamin-d-deficiency");

        kept.then().statusCode(200).contentType("text/html;charset=UTF-8")
                .header("Cache-Control", "public, max-age=300").header("Vary", "Cookie")
                .header("ETag", equalTo(rendered.header("ETag")))
                .header("Content-Security-Policy", notNullValue());
        assertEquals(rendered.asString(), kept.asString());
        // The REST layer hands every page it renders a CSRF cookie; the kept page never reaches it.
        assertNull(kept.header("Set-Cookie"), "answered from memory, without the REST layer");
        given().header("If-None-Match", "W/" + rendered.header("ETag") + ", \"other\"")
                .get("/articles/vitamin-d-deficiency").then().statusCode(304).body(equalTo(""));
    }

    @Test
    void aPublicPageRenderedByTheRestLayerCarriesNoCookieEither() {
        // A query passes the page kept in memory by, so the REST layer renders this one.
        Response rendered = given().get("/articles/heavy-legs?utm_source=test");
        rendered.then().statusCode(200).header("Cache-Control", "public, max-age=300");
        assertNull(rendered.header("Set-Cookie"), "a page any cache may share carries no CSRF cookie");
        // A page with a form still gets its CSRF cookie.
        assertNotNull(given().get("/login").header("Set-Cookie"));
    }

    @Test
    void aFlashMessageIsShownOnceAndNeverKeptForOthers() {
        given().get("/articles/dehydration-and-electrolytes").then().statusCode(200);
        given().cookie("heavylegs-flash", "Just+for+you").get("/articles/dehydration-and-electrolytes")
                .then().statusCode(200).body(containsString("Just for you"))
                .header("Cache-Control", "private, no-store");
        given().get("/articles/dehydration-and-electrolytes").then().statusCode(200)
                .body(not(containsString("Just for you")));
    }

    @Test
    void indexAnswersNotModifiedToItsETag() {
        String etag = given().get("/articles").then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/articles").then().statusCode(304);
    }

    @Test
    void searchForTinglingFindsVitaminB12First() {
        Document page = search("tingling");
        List<String> hits = page.select(".search-hit h3 a").eachAttr("href");
        assertEquals("/articles/vitamin-b12-deficiency", hits.get(0));
        assertTrue(page.select(".search-hit__snippet mark").eachText().stream()
                .allMatch(m -> m.toLowerCase().startsWith("tingl")), "matches are highlighted");
        assertFalse(page.select(".search-hit__snippet mark").isEmpty());
    }

    @Test
    void searchForCrampsFindsMagnesium() {
        List<String> hits = search("cramps").select(".search-hit h3 a").eachAttr("href");
        assertTrue(hits.contains("/articles/magnesium-deficiency"), hits.toString());
        assertTrue(hits.contains("/articles/dehydration-and-electrolytes"), hits.toString());
    }

    @Test
    void searchUnderstandsPhrasesAndExclusions() {
        List<String> hits = search("cramps -dehydration").select(".search-hit h3 a").eachAttr("href");
        assertFalse(hits.contains("/articles/dehydration-and-electrolytes"), hits.toString());
        assertFalse(search("\"vitamin b12\" or magnesium").select(".search-hit").isEmpty());
    }

    @Test
    void markupInTheQueryIsEscapedEverywhere() {
        String q = "<script>alert(1)</script>";
        String html = given().queryParam("q", q).get("/articles").then().statusCode(200).extract().asString();
        assertFalse(html.contains(q));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(q, Jsoup.parse(html).selectFirst("input[name=q]").val());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"unbalanced", "iron & | ! ( :*", "-", "'; drop table article; --", "or", "the",
            "\\", "日本語", "🦵 heavy" })
    void oddQueriesNeverFail(String q) {
        Document page = Jsoup.parse(given().queryParam("q", q).get("/articles").then().statusCode(200)
                .extract().asString());
        assertEquals(q, page.selectFirst("input[name=q]").val());
    }

    @Test
    void emptyResultSaysSoAndSuggestsTopics() {
        Document page = search("zebra");
        assertTrue(page.selectFirst("#results-title").text().contains("No articles match"));
        assertEquals(SLUGS.size(), page.select(".topic-links a").size());
    }

    @Test
    void overlongQueryIsRefusedWithAMessageNextToTheField() {
        String q = "iron ".repeat(60);
        Document page = Jsoup.parse(given().queryParam("q", q).get("/articles").then().statusCode(400)
                .extract().asString());
        assertTrue(page.selectFirst("[data-error-for=q]").text().contains("200 characters"));
        given().queryParam("q", "iron ".repeat(40).strip()).get("/articles").then().statusCode(200);
    }

    @Test
    void blankQueryShowsTheIndex() {
        Document page = Jsoup.parse(given().queryParam("q", "   ").get("/articles").then().statusCode(200)
                .extract().asString());
        assertEquals(SLUGS.size(), page.select(".article-card").size());
    }

    @Test
    void homeAndNavigationLeadIntoTheArticles() {
        Document home = get("/");
        assertNotNull(home.selectFirst(".site-nav a[href=/articles]"));
        assertEquals("/articles/heavy-legs", home.selectFirst(".home-articles a").attr("href"));
        assertEquals(SLUGS.size() - 1, home.select(".home-articles__list a").size());
    }

    @Test
    void searchResultsAreNotCachedAsTheIndex() {
        Response response = given().queryParam("q", "iron").get("/articles");
        response.then().statusCode(200).body(not(containsString("article-card")));
        assertNull(response.header("ETag"));
    }

    private static Document get(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    private static Document search(String q) {
        return Jsoup.parse(given().queryParam("q", q).get("/articles").then().statusCode(200).extract().asString());
    }
}
