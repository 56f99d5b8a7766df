package poolbench.report.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link on a findings page points at, and the numbers shown there. A link is relative to the run directory;
 * a bare {@code #anchor} is on the run's README.md, which the findings are part of. A markdown page gives the
 * section the anchor opens, or the whole page; a chart gives the data written beside it (the same name, .csv or
 * .json) or, without it, cannot be checked; any other file is read whole, as verbatim output.
 *
 * <p>Text a page repeats from the findings themselves (the run's README.md and results/README.md include them) is
 * left out of what it shows: a number cannot vouch for itself.
 */
final class LinkTargets {

    enum Status { SHOWN, UNVERIFIABLE, BROKEN }

    /**
     * @param why for UNVERIFIABLE and BROKEN, what is missing, as a sentence part
     */
    record Target(String link, Status status, List<PrintedNumber> numbers, String why) {
    }

    private static final Set<String> CHARTS = Set.of("png", "svg", "jpg", "jpeg", "gif", "webp");
    private static final List<String> CHART_DATA = List.of("csv", "json");
    private static final Set<String> MARKDOWN = Set.of("md", "markdown");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?");

    private final Path runDir;
    private final List<String> repeated;
    private final Map<Path, Optional<String>> texts = new HashMap<>();

    /**
     * @param repeated text that pages may repeat from the findings, as each page prints it
     */
    LinkTargets(Path runDir, List<String> repeated) {
        this.runDir = runDir;
        this.repeated = repeated.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The file a link names, relative to the run directory: a bare anchor names the run's README.md. */
    Path file(String link) {
        String path = pathOf(link);
        return (path.isEmpty() ? runDir.resolve(RunReadme.FILE) : runDir.resolve(path)).normalize();
    }

    Target resolve(String link) throws IOException {
        Path file = file(link);
        int hash = link.indexOf('#');
        String anchor = hash < 0 ? "" : link.substring(hash + 1);
        String shownName = pathOf(link).isEmpty() ? RunReadme.FILE : pathOf(link);
        if (!Files.isRegularFile(file)) {
            return new Target(link, Status.BROKEN, List.of(), "there is no file " + shownName);
        }
        String extension = extension(file);
        if (CHARTS.contains(extension)) {
            String base = file.getFileName().toString();
            base = base.substring(0, base.length() - extension.length() - 1);
            for (String data : CHART_DATA) {
                Path beside = file.resolveSibling(base + "." + data);
                Optional<String> text = text(beside);
                if (text.isPresent()) {
                    return new Target(link, Status.SHOWN, PrintedNumber.inPage(withoutDates(text.get()), true), "");
                }
            }
            return new Target(link, Status.UNVERIFIABLE, List.of(), "the chart has no data beside it (" + base
                    + ".csv or " + base + ".json)");
        }
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return new Target(link, Status.UNVERIFIABLE, List.of(), shownName + " is not text");
        }
        if (!MARKDOWN.contains(extension)) {
            return new Target(link, Status.SHOWN, PrintedNumber.inPage(withoutDates(text.get()), true), "");
        }
        String page = text.get();
        MarkdownSections.Range range = new MarkdownSections.Range(0, page.length());
        if (!anchor.isEmpty()) {
            Optional<MarkdownSections.Range> section = MarkdownSections.of(page).section(anchor);
            if (section.isEmpty()) {
                return new Target(link, Status.BROKEN, List.of(), shownName + " has no heading or anchor #" + anchor);
            }
            range = section.get();
        }
        return new Target(link, Status.SHOWN, markdownNumbers(withoutRepeats(page), range), "");
    }

    /** Numbers of a markdown range; those inside a fenced block are verbatim output, which prints no units. */
    private static List<PrintedNumber> markdownNumbers(String page, MarkdownSections.Range range) {
        String section = withoutDates(page.substring(range.from(), range.to()));
        StringBuilder prose = new StringBuilder();
        StringBuilder verbatim = new StringBuilder();
        boolean fenced = false;
        for (String line : section.split("\n", -1)) {
            boolean fence = FENCE.matcher(line).matches();
            boolean code = fenced || fence;
            prose.append(code ? " ".repeat(line.length()) : line).append('\n');
            verbatim.append(code ? line : " ".repeat(line.length())).append('\n');
            fenced = fence != fenced;
        }
        List<PrintedNumber> numbers = new ArrayList<>(PrintedNumber.inPage(prose.toString(), false));
        numbers.addAll(PrintedNumber.inPage(verbatim.toString(), true));
        return numbers;
    }

    private String withoutRepeats(String page) {
        String out = page;
        for (String r : repeated) {
            int at = out.indexOf(r);
            if (at >= 0) {
                out = out.substring(0, at) + r.replaceAll("[^\\n]", " ") + out.substring(at + r.length());
            }
        }
        return out;
    }

    /** A date or a timestamp is no figure; its parts would only let a sentence pass. */
    private static String withoutDates(String text) {
        Matcher m = DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.end() - m.start()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<String> cached = texts.get(file);
        if (cached != null) {
            return cached;
        }
        Optional<String> read;
        try {
            read = Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException e) {
            read = Optional.empty();
        }
        texts.put(file, read);
        return read;
    }

    private static String pathOf(String link) {
        int end = link.length();
        for (char c : new char[] {'#', '?'}) {
            int at = link.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return link.substring(0, end);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
