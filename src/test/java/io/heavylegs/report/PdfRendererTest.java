package io.heavylegs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();

    /** A note stored before the forms refused such characters still renders, without them. */
    @Test
    void textWithCharactersXmlForbidsStillRenders() throws IOException {
        String text = text(RENDERER.render(page("<p>before\uFFFF\uFFFE\u0001\u001b\uD800 after</p>")));

        assertTrue(text.contains("before after"), text);
    }

    @Test
    void embedsFontsForLatinAndCjkNotes() throws IOException {
        String text = text(RENDERER.render(page("<p>Müdigkeit, 疲労 — Усталость</p>")));

        assertTrue(text.contains("Müdigkeit, 疲労 — Усталость"), text);
    }

    @Test
    void parsesTheFallbackFontOnlyForTextThatNeedsIt() throws IOException {
        PdfRenderer renderer = new PdfRenderer();
        String latin = page("<p>Müdigkeit — Усталость, κόπωση</p>");
        renderer.render(latin);
        int afterFirstRender = renderer.fallbackLoads();

        renderer.render(latin);
        renderer.render(latin);
        assertEquals(afterFirstRender, renderer.fallbackLoads(),
                "Latin, Cyrillic and Greek are drawn from DejaVu Sans alone");

        String text = text(renderer.render(page("<p>Müdigkeit, 疲労</p>")));
        assertEquals(afterFirstRender + 1, renderer.fallbackLoads());
        assertTrue(text.contains("Müdigkeit, 疲労"), text);
    }

    /** The first render measures the fonts, later ones reuse the metrics: the pages must not move by a point. */
    @Test
    void drawsTheSamePageWithMeasuredAndRememberedFontMetrics() throws IOException {
        PdfRenderer renderer = new PdfRenderer();
        String page = page("<h1>Report</h1><p>Legs heavy <u>after work</u>, difficult stairs</p>"
                + "<table><tr><th>Date</th><td>Tue 3 Jan 2025</td></tr></table>");

        List<String> first = contentStreams(renderer.render(page));
        List<String> second = contentStreams(renderer.render(page));

        assertEquals(first, second);
    }

    /** DejaVu Sans is parsed once and shared: PDFs rendered at the same time must come out as if rendered alone. */
    @Test
    void rendersThePagesAloneAndConcurrentlyAlike() throws Exception {
        PdfRenderer renderer = new PdfRenderer();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            rows.append("<p>Row ").append(i).append(": <b>Müdigkeit</b>, legs heavy — Усталость, κόπωση</p>");
        }
        String page = page(rows.toString());
        List<String> alone = contentStreams(renderer.render(page));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> renders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                renders.add(threads.submit(() -> renderer.render(page)));
            }
            for (Future<byte[]> render : renders) {
                assertEquals(alone, contentStreams(render.get()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The f-ligatures are drawn as DejaVu Sans draws them, one glyph each, in regular and bold text (the glyphs as
     * drawn, before the text extraction spells a ligature out again).
     */
    @Test
    void drawsTheFontsLigatures() throws IOException {
        byte[] pdf = RENDERER.render(page("<p>difficult office, find <b>flat baffle</b></p>"));

        String glyphs = drawnGlyphs(pdf);
        assertTrue(glyphs.contains("di\uFB03cult o\uFB03ce, \uFB01nd \uFB02at ba\uFB04e"), glyphs);
        assertTrue(text(pdf).contains("difficult office, find flat baffle"), "a reader copies the words");
    }

    @Test
    void numbersPagesFromTheStylesheet() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows.append("<p>Row ").append(i).append("</p>");
        }
        byte[] pdf = RENDERER.render(page(rows.toString()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "expected several pages, got " + pages);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("page 1 of " + pages), text);
            assertTrue(text.contains("page " + pages + " of " + pages), text);
        }
    }

    @Test
    void drawsInlineSvgWithoutLoadingAnything() throws IOException {
        byte[] pdf = RENDERER.render(page("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\">"
                + "<image href=\"http://127.0.0.1:1/x.png\" width=\"10\" height=\"10\"/>"
                + "<polyline fill=\"none\" stroke=\"black\" points=\"0,0 50,25 100,10\"/></svg><p>After the chart</p>"));

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(text(pdf).contains("After the chart"));
    }

    private static String page(String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/><style>"
                + "@page { size: A4; margin: 20mm; @bottom-center { content: \"page \" counter(page) \" of \" counter(pages); } }"
                + "body { font-family: " + PdfRenderer.FONT_FAMILIES + "; }"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static List<String> contentStreams(byte[] pdf) throws IOException {
        List<String> streams = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                streams.add(new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return streams;
    }

    /** Each glyph drawn as the character the PDF says it stands for. */
    private static String drawnGlyphs(byte[] pdf) throws IOException {
        StringBuilder glyphs = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.forEach(position -> glyphs.append(position.getUnicode()));
                    glyphs.append(' ');
                }
            };
            stripper.getText(document);
        }
        return glyphs.toString();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
