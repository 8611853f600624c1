package io.heavylegs.article;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Care cards: the NHS-style "how soon should I get help" boxes. In an article they are block quotes whose first
 * line names the level, so the Markdown stays plain and readable in any viewer:
 *
 * <pre>
 * &gt; [!emergency]
 * &gt; - chest pain or tightness
 * </pre>
 *
 * The title comes from the level, never from the article, so the three levels read the same on every page; the
 * level is also carried by the title's words, an icon and the border, because colour alone is lost in greyscale
 * and on many screens. A block quote with an unknown level stops the render instead of showing a plain quote
 * where a reader expects urgent advice.
 */
final class CareCards implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    enum Level {
        EMERGENCY("emergency", "Call emergency services if:", "!"),
        SAME_DAY("same-day", "Get help the same day if:", "!"),
        SEE_DOCTOR("see-doctor", "See a doctor if:", "i");

        final String marker;
        final String title;
        final String icon;

        Level(String marker, String title, String icon) {
            this.marker = marker;
            this.title = title;
            this.icon = icon;
        }

        static Level fromMarker(String marker) {
            return Arrays.stream(values()).filter(l -> l.marker.equals(marker)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown care card '[!" + marker
                            + "]': use one of " + Arrays.stream(values()).map(l -> "[!" + l.marker + "]").toList()));
        }
    }

    /** The card; its children are the {@link Title} and then the quote's own blocks. */
    static final class CareCard extends CustomBlock {
        final Level level;

        CareCard(Level level) {
            this.level = level;
        }
    }

    /** The card's heading line: its text is a real node, so search and the plain text see it like any words. */
    static final class Title extends CustomBlock {
    }

    private static final Pattern MARKER = Pattern.compile("^\\[!([a-z-]+)]\\s*");

    private CareCards() {
    }

    static Extension create() {
        return new CareCards();
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessor(document -> {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(BlockQuote quote) {
                    visitChildren(quote);
                    replaceIfCard(quote);
                }
            });
            return document;
        });
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(CardRenderer::new);
    }

    private static void replaceIfCard(BlockQuote quote) {
        if (!(quote.getFirstChild() instanceof Paragraph first) || !(first.getFirstChild() instanceof Text text)) {
            return;
        }
        Matcher marker = MARKER.matcher(text.getLiteral());
        if (!marker.find()) {
            return;
        }
        Level level = Level.fromMarker(marker.group(1));
        String rest = text.getLiteral().substring(marker.end());
        if (rest.isEmpty()) {
            text.unlink();
        } else {
            text.setLiteral(rest);
        }
        // The marker usually stands on a line of its own: drop the line break it leaves behind.
        if (first.getFirstChild() instanceof SoftLineBreak) {
            first.getFirstChild().unlink();
        }
        if (first.getFirstChild() == null) {
            first.unlink();
        }

        CareCard card = new CareCard(level);
        Title title = new Title();
        StrongEmphasis strong = new StrongEmphasis("**");
        strong.appendChild(new Text(level.title));
        title.appendChild(strong);
        card.appendChild(title);
        Node child = quote.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            card.appendChild(child);
            child = next;
        }
        quote.insertBefore(card);
        quote.unlink();
    }

    private static final class CardRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        CardRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(CareCard.class, Title.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof CareCard card) {
                html.line();
                html.tag("div", context.extendAttributes(card, "div",
                        Map.of("class", "article-care article-care--" + card.level.marker)));
                renderChildren(card);
                html.tag("/div");
                html.line();
            } else if (node instanceof Title title) {
                Level level = ((CareCard) title.getParent()).level;
                html.tag("p", context.extendAttributes(title, "p", Map.of("class", "article-care__title")));
                Map<String, String> icon = new LinkedHashMap<>();
                icon.put("class", "article-care__icon");
                icon.put("aria-hidden", "true");
                html.tag("span", icon);
                html.text(level.icon);
                html.tag("/span");
                html.text(" ");
                renderChildren(title);
                html.tag("/p");
                html.line();
            }
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
