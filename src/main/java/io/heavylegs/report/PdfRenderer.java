package io.heavylegs.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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

    private record EmbeddedFont(String family, int weight, byte[] bytes) {
    }

    // Read once: the fallback font alone is 4 MB, too much to read from the jar on every request.
    private final List<EmbeddedFont> fonts = List.of(
            new EmbeddedFont("DejaVu Sans", 400, read("fonts/DejaVuSans.ttf")),
            new EmbeddedFont("DejaVu Sans", 700, read("fonts/DejaVuSans-Bold.ttf")),
            new EmbeddedFont("Droid Sans Fallback", 400, read("fonts/DroidSansFallbackFull.ttf")));

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
                .withHtmlContent(xhtml, null)
                .toStream(pdf);
        for (EmbeddedFont font : fonts) {
            builder.useFont(() -> new ByteArrayInputStream(font.bytes()), font.family(), font.weight(),
                    FontStyle.NORMAL, true);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report as PDF", e);
        }
        return pdf.toByteArray();
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
