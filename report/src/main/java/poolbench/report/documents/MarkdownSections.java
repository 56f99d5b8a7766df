package poolbench.report.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors of a markdown page and the section each one opens, as GitHub renders them. A heading's anchor is its
 * text in lower case, with every character that is not a letter, digit, space, "-" or "_" dropped and spaces made
 * "-" ("Heap × collector sweep" is {@code heap--collector-sweep}); a repeated one gets "-1", "-2". Its section runs
 * from the heading to the next heading of the same or a higher level. An explicit {@code <a id="x"></a>} opens the
 * section of the heading right below it, or, with prose in between, runs to the next heading of any level.
 */
final class MarkdownSections {

    /** [from, to) of a page. */
    record Range(int from, int to) {
    }

    private record Heading(int level, String anchor, int start, int end) {
    }

    private record Explicit(String id, int start, int end) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern EXPLICIT = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private final String text;
    private final List<Heading> headings = new ArrayList<>();
    private final List<Explicit> explicit = new ArrayList<>();

    private MarkdownSections(String text) {
        this.text = text;
    }

    static MarkdownSections of(String markdown) {
        MarkdownSections page = new MarkdownSections(markdown);
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        int start = 0;
        while (start < markdown.length()) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(start, end);
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher h = HEADING.matcher(line);
                if (h.matches()) {
                    String base = anchor(h.group(2) == null ? "" : h.group(2));
                    int n = seen.merge(base, 1, Integer::sum) - 1;
                    page.headings.add(new Heading(h.group(1).length(), n == 0 ? base : base + "-" + n, start, end));
                }
                Matcher a = EXPLICIT.matcher(line);
                while (a.find()) {
                    page.explicit.add(new Explicit(a.group(1), start, end));
                }
            }
            start = end + 1;
        }
        return page;
    }

    /** A heading's anchor, as GitHub makes it. */
    static String anchor(String heading) {
        String rendered = TAG.matcher(LINK.matcher(heading).replaceAll("$1")).replaceAll("");
        StringBuilder out = new StringBuilder();
        rendered.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    /** The section {@code anchor} (without its "#") opens, if the page has it. */
    Optional<Range> section(String anchor) {
        for (Explicit e : explicit) {
            if (e.id.equals(anchor)) {
                Optional<Heading> below = headings.stream().filter(h -> h.start > e.start).findFirst();
                if (below.isPresent() && text.substring(e.end, below.get().start).isBlank()) {
                    return Optional.of(new Range(e.start, endOf(below.get())));
                }
                return Optional.of(new Range(e.start, below.map(Heading::start).orElse(text.length())));
            }
        }
        return headings.stream().filter(h -> h.anchor.equals(anchor.toLowerCase(Locale.ROOT))).findFirst()
                .map(h -> new Range(h.start, endOf(h)));
    }

    private int endOf(Heading h) {
        return headings.stream().filter(next -> next.start > h.start && next.level <= h.level).findFirst()
                .map(Heading::start).orElse(text.length());
    }
}
