package io.casedesk.odoo.mapping;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Odoo's HTML fields as text (jsoup parses them): each paragraph, block or line break becomes a line; entities are
 * decoded. And text escaped for the chatter's HTML bodies.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
            "blockquote", "pre");

    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && "br".equals(element.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        String result = text.toString().replace('\u00a0', ' ');
        return result.endsWith("\n") ? result.substring(0, result.length() - 1).strip() : result.strip();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private HtmlText() {
    }
}
