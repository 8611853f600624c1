package io.heavylegs.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML, plain text and a table of contents. Used only by the start-up sync: pages read the stored
 * result. The sources are our own files, but raw HTML in them is still escaped so the only markup on a page is
 * what Markdown itself produces, plus our care cards ({@link CareCards}).
 */
public final class MarkdownRenderer {

    public record TocEntry(int level, String id, String text) {
    }

    public record Rendered(String html, String text, List<TocEntry> toc) {
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.create(), CareCards.create());
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
                    if (node instanceof TableBlock) {
                        attributes.put("class", "article-table");
                    }
                    // On a phone each row is stacked into a small card (app.css), and every cell shows its
                    // column's name in front of it, so no column is cut off and none loses its meaning.
                    if (node instanceof TableCell cell && !cell.isHeader()) {
                        attributes.put("data-label", columnLabel(cell));
                    }
                })
                .build();
        // A table wider than the screen scrolls inside its box instead of widening the whole page. escapeHtml(true)
        // means "<table" can only come from the renderer itself, so a plain replace is safe.
        String body = html.render(document)
                .replace("<table", "<div class=\"table-scroll\"><table")
                .replace("</table>", "</table></div>");
        return new Rendered(body, plainText(document), List.copyOf(toc));
    }

    /**
     * The words of the document without list bullets or table pipes: search indexes it and its lines are the
     * snippets a search shows, so each line is one whole sentence, heading, list item or table cell. A table
     * cell is written with its column's name in front ("Main leg symptoms: numbness"), so a snippet never runs
     * two cells together and still says what the words are about.
     */
    private static String plainText(Node document) {
        StringBuilder out = new StringBuilder();
        LiteralText block = new LiteralText() {
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
                endBlock(out);
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                endBlock(out);
            }

            @Override
            public void visit(CustomBlock node) {
                visitChildren(node);
                if (node instanceof CareCards.Title) {
                    endBlock(out);
                }
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableHead) {
                    return; // its words are the labels of the cells below
                }
                if (node instanceof TableCell cell) {
                    String label = columnLabel(cell);
                    if (!label.isEmpty()) {
                        append(label + ": ");
                    }
                    visitChildren(cell);
                    endBlock(out);
                } else {
                    visitChildren(node);
                }
            }
        };
        document.accept(block);
        return out.toString().strip();
    }

    /** Where one sentence ends and the next begins inside a paragraph: a stop, then a capital or a digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+(?=[\\p{Lu}\\d\"“‘(])");

    /** The text of the header cell above a body cell; empty for a table without one. */
    private static String columnLabel(TableCell cell) {
        int column = 0;
        for (Node before = cell.getPrevious(); before != null; before = before.getPrevious()) {
            column++;
        }
        Node table = cell.getParent().getParent().getParent();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead head && head.getFirstChild() != null) {
                Node header = head.getFirstChild().getFirstChild();
                for (int i = 0; i < column && header != null; i++) {
                    header = header.getNext();
                }
                return header == null ? "" : textOf(header).strip();
            }
        }
        return "";
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

        void append(String words) {
            text.append(words);
        }

        /** Moves the words collected so far to {@code out}, one sentence a line. */
        void endBlock(StringBuilder out) {
            String words = text.toString().strip();
            text.setLength(0);
            for (String sentence : SENTENCE_END.split(words)) {
                if (!sentence.isBlank()) {
                    out.append(sentence.strip()).append('\n');
                }
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
