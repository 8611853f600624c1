package io.heavylegs.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

/**
 * Turns the report's XHTML into a PDF with openhtmltopdf. The fonts are embedded (subset to the glyphs used) so
 * that any note text renders the same everywhere; the report's CSS names them as {@link #FONT_FAMILIES}.
 */
@ApplicationScoped
public class PdfRenderer {

    /** For the report's CSS: Latin, Greek and Cyrillic from DejaVu, every other script from Droid Sans Fallback. */
    public static final String FONT_FAMILIES = "'DejaVu Sans', 'Droid Sans Fallback'";

    static final String FALLBACK_FAMILY = "Droid Sans Fallback";

    /** Counts how often PDFBox was handed the font to parse, so that a test can see which fonts a PDF needed. */
    private record EmbeddedFont(String family, int weight, byte[] bytes, AtomicInteger loads) {

        EmbeddedFont(String family, int weight, String resource) {
            this(family, weight, read(resource), new AtomicInteger());
        }

        InputStream open() {
            loads.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        }
    }

    // Read once: the fallback font alone is 4 MB, too much to read from the jar on every request.
    private final List<EmbeddedFont> fonts = List.of(
            new EmbeddedFont("DejaVu Sans", 400, "fonts/DejaVuSans.ttf"),
            new EmbeddedFont("DejaVu Sans", 700, "fonts/DejaVuSans-Bold.ttf"),
            new EmbeddedFont(FALLBACK_FAMILY, 400, "fonts/DroidSansFallbackFull.ttf"));

    /**
     * Line boxes are sized from the ascent and descent of every font in the font-family list, so without known
     * metrics openhtmltopdf parses each listed font on every render, Droid Sans Fallback included (4 MB parsed,
     * about 20 MB of garbage) even when no glyph of it is drawn. With the metrics kept from the first render, a
     * font is parsed only when a glyph is taken from it; the metrics are the same, so is the PDF.
     */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    /** Renders a well-formed XHTML document; it may hold inline SVG, and loads nothing from outside. */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withProducer("HeavyLegs")
                .useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE))
                // Everything the report needs is inside the document or registered here: nothing is fetched.
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics)
                .withHtmlContent(xhtml, null)
                .toStream(pdf);
        for (EmbeddedFont font : fonts) {
            builder.useFont(font::open, font.family(), font.weight(), FontStyle.NORMAL, true);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** How many renders so far parsed the fonts of {@code family}. */
    int loadsOf(String family) {
        return fonts.stream().filter(f -> f.family().equals(family)).mapToInt(f -> f.loads().get()).sum();
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read font " + resource, e);
        }
    }
}
