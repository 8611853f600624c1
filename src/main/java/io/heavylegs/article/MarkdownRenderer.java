package io.heavylegs.article;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML, plain text and a table of contents. Used only by the start-up sync: pages read the stored
 * result. The sources are our own files, but raw HTML in them is still escaped so the only markup on a page is
 * what Markdown itself produces.
 */
public final class MarkdownRenderer {

    public record TocEntry(int level, String id, String text) {
    }

    public record Rendered(String html, String text, List<TocEntry> toc) {
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private MarkdownRenderer() {
    }

    static Rendered render(String markdown) {
        Node document = PARSER.parse(markdown);
        List<TocEntry> toc = new ArrayList<>();
        // The heading-anchor extension picks the ids (and de-duplicates them) while it renders; this provider
        // runs after it on the same attribute map, so the contents list links to exactly the ids in the body.
        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading && (heading.getLevel() == 2 || heading.getLevel() == 3)) {
                        toc.add(new TocEntry(heading.getLevel(), attributes.get("id"), textOf(heading)));
                    }
                    if (node instanceof org.commonmark.ext.gfm.tables.TableBlock) {
                        attributes.put("class", "article-table");
                    }
                })
                .build();
        // Wide tables scroll sideways on a phone instead of widening the whole page. escapeHtml(true) means
        // "<table" can only come from the renderer itself, so a plain replace is safe.
        String body = html.render(document)
                .replace("<table", "<div class=\"table-scroll\"><table")
                .replace("</table>", "</table></div>");
        return new Rendered(body, plainText(document), List.copyOf(toc));
    }

    /**
     * The words of the document without list bullets or table pipes: search indexes it and ts_headline quotes
     * it, so a snippet should read like prose. Every block ends with a line break so words never run together.
     */
    private static String plainText(Node document) {
        LiteralText text = new LiteralText() {
            @Override
            public void visit(SoftLineBreak lineBreak) {
                append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                append(' ');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                append('\n');
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                append('\n');
            }

            @Override
            public void visit(CustomNode node) {
                visitChildren(node);
                if (node instanceof TableCell) {
                    append('\n');
                }
            }
        };
        document.accept(text);
        return text.toString().strip();
    }

    private static String textOf(Node node) {
        LiteralText text = new LiteralText();
        node.accept(text);
        return text.toString();
    }

    /** Collects the literal words of a node (text and inline code); subclasses add the separators they need. */
    private static class LiteralText extends AbstractVisitor {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text t) {
            text.append(t.getLiteral());
        }

        @Override
        public void visit(Code code) {
            text.append(code.getLiteral());
        }

        void append(char separator) {
            text.append(separator);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
