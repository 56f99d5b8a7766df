package poolbench.report.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a page prints it: its digits, the decimals it was rounded to, the k or M it was written with, and
 * whether it was written as a ratio (with ×). "17,763" is 17763 to 0 decimals; "1.53×" is the ratio 1.53 to 2
 * decimals; "13k" is 13 thousands to 0 decimals.
 *
 * <p>A number in a sentence is shown by a number in the page it links to when that number, rounded the way the
 * sentence rounds (its decimals, in its thousands or millions), is the same: "1.5×" is shown by 1.53×, "13k" by
 * any of 12,500–13,499, "17,763" only by 17,763. A ratio is shown only by a ratio: report writes every ratio with ×,
 * so a bare 2.54 in a table (an error, a latency) does not vouch for "2.5×"; a threshold (right after ≥, ≤, &lt; or
 * &gt;) is printed bare and compared with ratios, so it counts as one. A percentage is shown only by a number that
 * says % itself or stands in a table cell or line that does ("pool wait, % of mean latency: 46.7"), so 46.6 ms in a
 * latency column does not vouch for "47%". Verbatim tool output (a fenced block, a data file) prints no units, so
 * there any number may show a ratio or a percentage.
 *
 * @param text     the characters as printed, with the k or M a range's first end takes from its second
 * @param offset   where it starts in the page
 * @param digits   the value as printed, in its own thousands or millions
 * @param exponent 0, 3 (k) or 6 (M)
 * @param ratio    written with ×, or a threshold: compared with ratios
 * @param percent  written with %, or in a table cell or line that says %
 * @param verbatim read from verbatim output, which prints no units
 */
record PrintedNumber(String text, int offset, BigDecimal digits, int exponent, boolean ratio, boolean percent,
                     boolean verbatim) {

    /**
     * Digits with their thousands separators, decimals, then k or M (not followed by a letter: "5kB" is a word) and
     * × or %. A sign counts where it stands before the digits at the start of a word; between two numbers a dash is a
     * range.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "([−-])?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?([kM](?![\\p{L}\\p{N}]))?(×| ?%)?");
    /** The dashes of a range, written between two numbers with nothing around them: "5–13k", "0.76–2.31×". */
    private static final String RANGE_DASHES = "–-";

    /** The value itself: 13k is 13000. */
    BigDecimal value() {
        return digits.movePointRight(exponent);
    }

    /** Whether {@code shown}, rounded the way this number was printed, is this number. */
    boolean isShownBy(PrintedNumber shown) {
        if (!shown.verbatim && ((ratio && !shown.ratio) || (percent && !shown.percent))) {
            return false;
        }
        return shown.value().movePointLeft(exponent).setScale(digits.scale(), RoundingMode.HALF_UP)
                .compareTo(digits) == 0;
    }

    /**
     * The numbers of prose: digits glued to a letter, "_", "/" or "#" on either side, or to a "." that goes on into a
     * word, are part of a name ("c64", "p99", "G1", "HTTP/1.1", "3d1219c7", "x86_64", "1/100") and not read. In a
     * range, a bare first end takes the k, M, × or % written on the second ("5–13k" is 5k to 13k).
     */
    static List<PrintedNumber> inProse(String text) {
        List<PrintedNumber> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int start = signed(text, m) ? m.start() : m.start(2);
            if (nameBefore(text, start) || (m.group(5) == null && nameAfter(text, m.end()))) {
                continue;
            }
            found.add(of(text, m, start, false));
        }
        return withRangeUnits(text, found);
    }

    /**
     * Every number of a page a sentence links to, names included ("c64" shows 64): a page may write a figure inside
     * a label, and a number read too many can only let a sentence pass, never fail one.
     */
    static List<PrintedNumber> inPage(String text, boolean verbatim) {
        List<PrintedNumber> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int start = signed(text, m) ? m.start() : m.start(2);
            PrintedNumber n = of(text, m, start, verbatim);
            found.add(new PrintedNumber(n.text, n.offset, n.digits, n.exponent, n.ratio || threshold(text, start),
                    n.percent || saysPercent(text, start), verbatim));
        }
        return found;
    }

    /** "≥ 1.10", "< 2.00": the number a rule compares a figure with. */
    private static boolean threshold(String text, int start) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 && "≥≤<>".indexOf(text.charAt(i - 1)) >= 0;
    }

    /** Whether the table cell, or else the line, that {@code offset} stands in says %. */
    private static boolean saysPercent(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.indexOf('\n', offset);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int at = offset - lineStart;
        if (!line.stripLeading().startsWith("|")) {
            return line.indexOf('%') >= 0;
        }
        int from = line.lastIndexOf('|', at) + 1;
        int to = line.indexOf('|', at);
        return line.substring(from, to < 0 ? line.length() : to).indexOf('%') >= 0;
    }

    private static PrintedNumber of(String text, Matcher m, int start, boolean verbatim) {
        String integer = m.group(2).replace(",", "");
        String decimals = m.group(3) == null ? "" : "." + m.group(3);
        boolean negative = start == m.start() && m.group(1) != null;
        BigDecimal digits = new BigDecimal((negative ? "-" : "") + integer + decimals);
        String suffix = m.group(4);
        int exponent = suffix == null ? 0 : suffix.equals("k") ? 3 : 6;
        String unit = m.group(5) == null ? "" : m.group(5);
        return new PrintedNumber(text.substring(start, m.end()), start, digits, exponent, unit.equals("×"),
                unit.endsWith("%"), verbatim);
    }

    /** "5–13k": the bare 5 is 5k; "0.76–2.31×" and "5–8%" likewise. */
    private static List<PrintedNumber> withRangeUnits(String text, List<PrintedNumber> numbers) {
        List<PrintedNumber> out = new ArrayList<>(numbers);
        for (int i = 0; i + 1 < out.size(); i++) {
            PrintedNumber first = out.get(i);
            PrintedNumber second = out.get(i + 1);
            int end = first.offset + first.text.length();
            boolean range = second.offset == end + 1 && RANGE_DASHES.indexOf(text.charAt(end)) >= 0;
            if (!range || first.exponent != 0 || first.ratio || first.percent) {
                continue;
            }
            if (second.exponent != 0 || second.ratio || second.percent) {
                String suffix = (second.exponent == 3 ? "k" : second.exponent == 6 ? "M" : "")
                        + (second.ratio ? "×" : "") + (second.percent ? "%" : "");
                out.set(i, new PrintedNumber(first.text + suffix, first.offset, first.digits, second.exponent,
                        second.ratio, second.percent, first.verbatim));
            }
        }
        return out;
    }

    /** A sign belongs to the number when it starts a word: "(−0.107", " -5"; in "5-13" the dash is a range. */
    private static boolean signed(String text, Matcher m) {
        if (m.group(1) == null) {
            return false;
        }
        int before = charBefore(text, m.start());
        return before < 0 || Character.isWhitespace(before) || before == '(' || before == '[';
    }

    /** "c64", "HTTP/1.1", "#3", "go1.22": the digits continue a name. A full stop ending a sentence does not. */
    private static boolean nameBefore(String text, int start) {
        int c = charBefore(text, start);
        if (c == '.') {
            return start >= 2 && Character.isLetterOrDigit(text.codePointBefore(start - 1));
        }
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '#');
    }

    /** "3d1219c7", "512m", "1/100", "1.x": a name goes on after the digits. "at 64." ends a sentence. */
    private static boolean nameAfter(String text, int end) {
        int c = charAt(text, end);
        if (c == '.') {
            return Character.isLetterOrDigit(charAt(text, end + 1));
        }
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '_' || c == '/');
    }

    private static int charBefore(String text, int index) {
        return index == 0 ? -1 : text.codePointBefore(index);
    }

    private static int charAt(String text, int index) {
        return index >= text.length() ? -1 : text.codePointAt(index);
    }
}
