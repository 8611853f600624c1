package io.heavylegs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

import io.heavylegs.web.TextInput;

/**
 * Turns the report's XHTML into a PDF with openhtmltopdf. The fonts are embedded (subset to the glyphs used) so
 * that any note text renders the same everywhere. The report template's CSS (ReportResource/report.html) names
 * them in the order of {@link #FONT_FAMILIES}; a family renamed here must be renamed there.
 * <p>
 * {@code @Singleton}, not {@code @ApplicationScoped}: an application-scoped bean gets a client proxy, a subclass
 * whose construction runs these field initializers too, which loaded and parsed every font a second time (about
 * 10 MB of heap held for nothing).
 */
@Singleton
public class PdfRenderer {

    /** Latin, Greek and Cyrillic from DejaVu, every other script from Droid Sans Fallback, as CSS names them. */
    static final String FONT_FAMILIES = "'DejaVu Sans', 'Droid Sans Fallback'";

    static final String FALLBACK_FAMILY = "Droid Sans Fallback";

    /**
     * The fallback is 4 MB and parses to about 12 MB, for the few notes in other scripts: not kept in the heap,
     * but read from the jar by a document that draws a glyph of it (see {@link #fontMetrics}).
     */
    private static final String FALLBACK_RESOURCE = "fonts/DroidSansFallbackFull.ttf";

    /**
     * DejaVu Sans draws almost every glyph of every report, so it is parsed once and shared: parsed per PDF it
     * cost about 8 MB of heap for as long as the PDF rendered, and the CPU to parse it. Each document still gets
     * its own PDF font (and subset) on top of the shared parse; FontBox reads a parsed font under its own locks,
     * as PDFBox does for the system fonts it shares between documents, and every table is read here up front.
     */
    private final TrueTypeFont dejaVuSans = parse("fonts/DejaVuSans.ttf");
    private final TrueTypeFont dejaVuSansBold = parse("fonts/DejaVuSans-Bold.ttf");

    /**
     * Line boxes are sized from the ascent and descent of every font in the font-family list, so without known
     * metrics openhtmltopdf parses each listed font on every render, Droid Sans Fallback included, even when no
     * glyph of it is drawn. With the metrics kept from the first render, a font is parsed only when a glyph is
     * taken from it; the metrics are the same, so is the PDF.
     */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    private final AtomicInteger fallbackLoads = new AtomicInteger();

    PdfRenderer() {
        PdfLog.install();
        if (PdfRenderer.class.getClassLoader().getResource(FALLBACK_RESOURCE) == null) {
            throw new IllegalStateException("Missing font " + FALLBACK_RESOURCE + " on the classpath");
        }
    }

    /** Renders a well-formed XHTML document; it may hold inline SVG, and loads nothing from outside. */
    public byte[] render(String page) {
        // Text stored before the forms refused them may hold characters XML 1.0 forbids (U+FFFF, controls): the
        // parser would refuse the whole document, so one such note would break every report that covers it.
        String xhtml = Ligatures.inText(TextInput.withoutForbiddenCharacters(page));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .withProducer("HeavyLegs")
                    .useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE))
                    // Everything the report needs is inside the document or registered here: nothing is fetched.
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false,
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics)
                    .usePDDocument(document)
                    .useFont(new SharedFont(document, dejaVuSans), "DejaVu Sans", 400, FontStyle.NORMAL, true)
                    .useFont(new SharedFont(document, dejaVuSansBold), "DejaVu Sans", 700, FontStyle.NORMAL, true)
                    .useFont(this::openFallback, FALLBACK_FAMILY, 400, FontStyle.NORMAL, true)
                    .withHtmlContent(xhtml, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** How many renders so far parsed the fallback font. */
    int fallbackLoads() {
        return fallbackLoads.get();
    }

    private InputStream openFallback() {
        fallbackLoads.incrementAndGet();
        return open(FALLBACK_RESOURCE);
    }

    /**
     * A PDF font belongs to one document, so it is made per document, on the first glyph drawn with it, from the
     * shared parsed font. PDFBox does not close a font it was handed like this (it "closes" it after subsetting,
     * which for a font parsed from bytes in memory releases nothing).
     */
    private static final class SharedFont extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont font;

        SharedFont(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            try {
                return PDType0Font.load(document, font, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not embed a shared font in the PDF", e);
            }
        }
    }

    private static TrueTypeFont parse(String resource) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(read(resource)));
            // Every table a PDF needs, read now by one thread, so that renders only ever read finished tables.
            font.getHeader();
            font.getHorizontalHeader();
            font.getHorizontalMetrics();
            font.getMaximumProfile();
            font.getNaming();
            font.getOS2Windows();
            font.getPostScript();
            font.getIndexToLocation();
            font.getGlyph();
            font.getKerning();
            font.getCmap();
            font.getUnicodeCmapLookup();
            // The ligatures are in the text already (Ligatures): PDFBox applying the GSUB table word by word was a
            // quarter of a PDF's CPU. The fallback font keeps its table (it is not shared, and rarely drawn).
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse font " + resource, e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read font " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing font " + resource + " on the classpath");
        }
        return in;
    }
}
