package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartphone.payroll.support.Chromium;

/**
 * The period report as Chromium rendered it ({@code --dump-dom}), and what a reader sees in it:
 * elements found by their {@code data-*} attributes, their text with entities decoded. Text keeps
 * the no-break spaces of amounts (U+00A0, U+202F); other white space is collapsed.
 */
final class RenderedReport {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n]+");

    private final String dom;

    private RenderedReport(String dom) {
        this.dom = dom;
    }

    static RenderedReport of(Path page) {
        return new RenderedReport(Chromium.dumpDom(page));
    }

    /**
     * The page as the engine wrote it, not rendered: for the figures of a page with no script, whose
     * DOM is its source.
     */
    static RenderedReport unrendered(String page) {
        return new RenderedReport(page);
    }

    String dom() {
        return dom;
    }

    /** The visible text of the whole page body. */
    String text() {
        int body = dom.indexOf("<body");
        return text(body < 0 ? dom : dom.substring(body));
    }

    /** The one element {@code <tag attribute="value">}, whole. */
    String element(String tag, String attribute, String value) {
        List<String> found = elements(tag, attribute, value);
        assertThat(found)
                .as("<%s %s=\"%s\"> in the rendered page", tag, attribute, value)
                .hasSize(1);
        return found.get(0);
    }

    /** Every element {@code <tag attribute="value">}, whole, nested elements of the same tag included. */
    List<String> elements(String tag, String attribute, String value) {
        return elements(dom, tag, attribute, value);
    }

    /** Every element {@code <tag>} carrying that attribute, whatever its value. */
    List<String> elementsWith(String tag, String attribute) {
        return elements(dom, tag, attribute, null);
    }

    /** The texts of the cells of a row (its own cells, not those of a table nested in one). */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        int inner = row.indexOf('>') + 1;
        String content = row.substring(inner, row.lastIndexOf("</tr>"));
        int from = 0;
        Matcher open = Pattern.compile("<td(\\s[^>]*)?>").matcher(content);
        while (open.find(from)) {
            int end = closing(content, "td", open.start());
            cells.add(text(content.substring(open.start(), end)));
            from = end;
        }
        return cells;
    }

    /** An attribute's value in an element's start tag. */
    static String attribute(String element, String name) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"")
                .matcher(element.substring(0, element.indexOf('>')));
        return matcher.find() ? decode(matcher.group(1)) : null;
    }

    /** The text a reader sees: tags removed, entities decoded, ordinary white space collapsed. */
    static String text(String html) {
        return SPACES.matcher(decode(TAG.matcher(html).replaceAll(" ")))
                .replaceAll(" ")
                .strip();
    }

    private static List<String> elements(String html, String tag, String attribute, String value) {
        List<String> found = new ArrayList<>();
        Matcher open = Pattern.compile("<" + tag + "(\\s[^>]*)?>").matcher(html);
        while (open.find()) {
            String start = open.group();
            String actual = attribute(start, attribute);
            if (actual != null && (value == null || actual.equals(value))) {
                found.add(html.substring(open.start(), closing(html, tag, open.start())));
            }
        }
        return found;
    }

    /** The index just past the end tag that closes the element starting at {@code start}. */
    private static int closing(String html, String tag, int start) {
        Matcher tags = Pattern.compile("<(/?)" + tag + "(\\s[^>]*)?>").matcher(html);
        int depth = 0;
        int from = start;
        while (tags.find(from)) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            from = tags.end();
            if (depth == 0) {
                return tags.end();
            }
        }
        throw new AssertionError("<" + tag + "> at " + start + " is never closed");
    }

    private static String decode(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = switch (name) {
                case "nbsp" -> "\u00A0";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default ->
                    name.startsWith("#x")
                            ? Character.toString(Integer.parseInt(name.substring(2), 16))
                            : name.startsWith("#")
                                    ? Character.toString(Integer.parseInt(name.substring(1)))
                                    : matcher.group();
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
