package io.heavylegs.report;

/**
 * The f-ligatures of DejaVu Sans (ff, fi, fl, ffi, ffl), put into a PDF's text as their Unicode characters
 * (U+FB00–U+FB04) before layout, so that the fonts' GSUB tables need not be applied by PDFBox.
 * <p>
 * Why: with a font's GSUB table, PDFBox applies its ligatures word by word while it writes each line, through a
 * regular expression built again for every word: a quarter of a 365-entry PDF's CPU and over a third of what it
 * allocated (bench/RESULTS.md, "PDF"). DejaVu Sans's only Latin substitutions are these five ligatures, and its
 * cmap maps U+FB00–U+FB04 to the very glyphs its GSUB table substitutes (regular and bold alike), so the PDF draws
 * the same glyphs, and a reader copying the text gets the same characters as before. Longest first, as GSUB does:
 * "ffi" is one glyph, not "ff" and "i".
 * <p>
 * Only text is changed: not tags, attributes or entities, not the style sheet, the title or an inline SVG drawing
 * (Batik draws its own text).
 */
final class Ligatures {

    private Ligatures() {
    }

    /** The well-formed XHTML {@code xhtml} with the f-ligatures in its text as single characters. */
    static String inText(String xhtml) {
        if (firstCandidate(xhtml) < 0) {
            return xhtml;
        }
        StringBuilder out = new StringBuilder(xhtml.length());
        int copied = 0;
        int i = 0;
        boolean changed = false;
        int n = xhtml.length();
        while (i < n) {
            char c = xhtml.charAt(i);
            if (c == '<') {
                i = skipMarkup(xhtml, i);
            } else if (c == '&') {
                int end = xhtml.indexOf(';', i);
                i = end < 0 ? n : end + 1;
            } else if (c == 'f' && i + 1 < n) {
                char next = xhtml.charAt(i + 1);
                char after = i + 2 < n ? xhtml.charAt(i + 2) : 0;
                char ligature = 0;
                int length = 2;
                if (next == 'f' && after == 'i') {
                    ligature = '\uFB03';
                    length = 3;
                } else if (next == 'f' && after == 'l') {
                    ligature = '\uFB04';
                    length = 3;
                } else if (next == 'f') {
                    ligature = '\uFB00';
                } else if (next == 'i') {
                    ligature = '\uFB01';
                } else if (next == 'l') {
                    ligature = '\uFB02';
                }
                if (ligature != 0) {
                    out.append(xhtml, copied, i).append(ligature);
                    i += length;
                    copied = i;
                    changed = true;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return changed ? out.append(xhtml, copied, n).toString() : xhtml;
    }

    /** Where the markup starting at {@code lt} ends: after its tag, or after the element whose text is not text. */
    private static int skipMarkup(String xhtml, int lt) {
        for (String element : new String[] { "style", "title", "svg", "script" }) {
            if (xhtml.startsWith(element, lt + 1) && isNameEnd(xhtml, lt + 1 + element.length())) {
                int close = xhtml.indexOf("</" + element, lt);
                return close < 0 ? xhtml.length() : tagEnd(xhtml, close);
            }
        }
        if (xhtml.startsWith("<!--", lt)) {
            int close = xhtml.indexOf("-->", lt);
            return close < 0 ? xhtml.length() : close + 3;
        }
        if (xhtml.startsWith("<![CDATA[", lt)) {
            int close = xhtml.indexOf("]]>", lt);
            return close < 0 ? xhtml.length() : close + 3;
        }
        return tagEnd(xhtml, lt);
    }

    /** After the {@code >} that ends the tag at {@code lt}; attribute values hold no {@code >} unescaped. */
    private static int tagEnd(String xhtml, int lt) {
        int gt = xhtml.indexOf('>', lt);
        return gt < 0 ? xhtml.length() : gt + 1;
    }

    private static boolean isNameEnd(String xhtml, int at) {
        if (at >= xhtml.length()) {
            return true;
        }
        char c = xhtml.charAt(at);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private static int firstCandidate(String xhtml) {
        int f = xhtml.indexOf('f');
        while (f >= 0 && f + 1 < xhtml.length()) {
            char next = xhtml.charAt(f + 1);
            if (next == 'f' || next == 'i' || next == 'l') {
                return f;
            }
            f = xhtml.indexOf('f', f + 1);
        }
        return -1;
    }
}
