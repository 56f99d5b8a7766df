package poolbench.report.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a markdown page that link to another page of the project, each with its links and the numbers
 * it prints as data. A paragraph, a list item and a table row are each cut into sentences; a heading, a fenced
 * block and an HTML comment are not prose. What is not data is blanked before numbers are read (positions are
 * kept, so every number still knows its line): code spans, link targets (a link's label is prose), HTML, dates and
 * clock times, versions (two dots or more), commit hashes, claim numbers ("claim 6", "claims 1, 3, 5, 7"),
 * confidence levels ("95% interval"), bare years (19xx and 20xx without a thousands separator: report writes
 * every count from 1,000 up with one) and ordered-list markers. Numbers written in words are not read.
 */
final class LinkedSentences {

    /** A link as written, and where it starts in the page. */
    record Link(String target, int offset) {
    }

    /** One sentence: where it is in the page, what it links to, and the numbers it prints. */
    record Sentence(int start, int end, List<Link> links, List<PrintedNumber> numbers) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(\\s.*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^ {0,3}([-*+]|\\d{1,9}[.)])(?=\\s)");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*");

    private static final Pattern HTML = Pattern.compile("<!--[\\s\\S]*?-->|</?[A-Za-z][^>\\n]*>");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[\\s\\S]*?\\1");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    /** A link that leaves the project: a scheme ("https:", "mailto:") or a path from the root. */
    private static final Pattern ELSEWHERE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|/).*");

    private static final List<Pattern> NOT_DATA = List.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?"),
            Pattern.compile("(?<![\\d.,:])\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\d:])"),
            Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+){2,}"),
            Pattern.compile("(?i)\\bcommits?\\s+[0-9a-f]{4,40}\\b"),
            Pattern.compile("(?i)\\bclaims?\\s+\\d+(?:\\s*(?:,|and|or|&|–|-)\\s*\\d+)*"),
            Pattern.compile("(?i)\\d+(?:\\.\\d+)?\\s?%(?=\\s*(?:confidence|interval|bootstrap|CI\\b))"),
            Pattern.compile("(?<![\\d,.])(?:19|20)\\d{2}(?![\\d,.]\\d|\\d)"));

    private LinkedSentences() {
    }

    /** Every sentence of {@code markdown} with at least one link into the project, in page order. */
    static List<Sentence> of(String markdown) {
        char[] prose = markdown.toCharArray();
        boolean[] unbreakable = new boolean[prose.length];
        List<int[]> blocks = blocks(markdown, prose);

        blank(prose, unbreakable, HTML, markdown);
        blank(prose, unbreakable, CODE_SPAN, new String(prose));
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(new String(prose));
        while (link.find()) {
            Arrays.fill(unbreakable, link.start(), link.end(), true);
            blankRange(prose, link.start(), link.start(1));
            blankRange(prose, link.end(1), link.end());
            String target = link.group(2);
            if (!target.isEmpty() && !ELSEWHERE.matcher(target).matches()) {
                links.add(new Link(target, link.start()));
            }
        }
        for (Pattern p : NOT_DATA) {
            Matcher m = p.matcher(new String(prose));
            while (m.find()) {
                blankRange(prose, m.start(), m.end());
            }
        }
        List<PrintedNumber> numbers = PrintedNumber.inProse(new String(prose));

        List<Sentence> sentences = new ArrayList<>();
        for (int[] block : blocks) {
            for (int[] s : sentences(markdown, unbreakable, block[0], block[1])) {
                List<Link> in = links.stream().filter(l -> l.offset() >= s[0] && l.offset() < s[1]).toList();
                if (!in.isEmpty()) {
                    sentences.add(new Sentence(s[0], s[1], in, numbers.stream()
                            .filter(n -> n.offset() >= s[0] && n.offset() < s[1]).toList()));
                }
            }
        }
        return sentences;
    }

    /**
     * Paragraphs, list items and table rows as [start, end) offsets; blanks headings, fenced blocks and list markers
     * in {@code prose} on the way.
     */
    private static List<int[]> blocks(String markdown, char[] prose) {
        List<int[]> blocks = new ArrayList<>();
        int open = -1;
        int lastEnd = -1;
        boolean fenced = false;
        int start = 0;
        while (start < markdown.length()) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(start, end);
            boolean fence = FENCE.matcher(line).matches();
            if (fenced || fence || line.isBlank() || HEADING.matcher(line).matches() || TABLE_ROW.matcher(line)
                    .matches()) {
                if (open >= 0) {
                    blocks.add(new int[] {open, lastEnd});
                    open = -1;
                }
                if (fenced || fence || HEADING.matcher(line).matches()) {
                    blankRange(prose, start, end);
                } else if (!line.isBlank()) {
                    blocks.add(new int[] {start, end});
                }
                fenced = fence != fenced;
            } else {
                Matcher item = LIST_ITEM.matcher(line);
                if (item.find()) {
                    if (open >= 0) {
                        blocks.add(new int[] {open, lastEnd});
                    }
                    open = start;
                    blankRange(prose, start + item.start(1), start + item.end(1));
                } else if (open < 0) {
                    open = start;
                }
                lastEnd = end;
            }
            start = end + 1;
        }
        if (open >= 0) {
            blocks.add(new int[] {open, lastEnd});
        }
        return blocks;
    }

    /**
     * A block cut after each ".", "!" or "?" (and the emphasis, quote or parenthesis that closes with it) that is
     * followed by a space and then by anything but a lower-case letter ("e.g. the" goes on); never inside a link or
     * a code span.
     */
    private static List<int[]> sentences(String text, boolean[] unbreakable, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (unbreakable[i] || (c != '.' && c != '!' && c != '?')) {
                continue;
            }
            int j = i + 1;
            while (j < to && "*_)\"'”’".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j >= to || !Character.isWhitespace(text.charAt(j))) {
                continue;
            }
            int next = j;
            while (next < to && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < to && !Character.isLowerCase(text.codePointAt(next))) {
                out.add(new int[] {start, j});
                start = next;
                i = next - 1;
            }
        }
        if (start < to) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    private static void blank(char[] prose, boolean[] unbreakable, Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            blankRange(prose, m.start(), m.end());
            Arrays.fill(unbreakable, m.start(), m.end(), true);
        }
    }

    /** Blanks [from, to) but keeps line ends, so offsets and lines stay where they were. */
    private static void blankRange(char[] prose, int from, int to) {
        for (int i = from; i < to; i++) {
            if (prose[i] != '\n') {
                prose[i] = ' ';
            }
        }
    }
}
