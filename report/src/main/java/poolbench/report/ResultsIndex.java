package poolbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * results/README.md: every published run, newest first, each with one line per claim. Rebuilt from every
 * {@code results/<run>/claims.json} on each report, so it never goes stale and never needs editing by hand.
 */
final class ResultsIndex {

    static final String FILE = "README.md";
    /** Runs that must not be quoted live under here, each with a note saying why. */
    static final String WITHDRAWN = "invalid";
    static final String WITHDRAWN_NOTE = "INVALID.md";

    private ResultsIndex() {
    }

    /** Writes {@code resultsDir/README.md}; returns it. */
    static Path write(Path resultsDir) throws IOException {
        List<ClaimsDocument.Summary> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> list = Files.list(resultsDir)) {
            dirs = list.filter(d -> Files.isRegularFile(d.resolve(ClaimsDocument.JSON_FILE))).toList();
        }
        for (Path d : dirs) {
            try {
                runs.add(ClaimsDocument.readJson(d.resolve(ClaimsDocument.JSON_FILE)));
            } catch (IOException e) {
                unreadable.add(d.getFileName() + ": " + e.getMessage());
            }
        }
        runs.sort(Comparator.comparing((ClaimsDocument.Summary s) -> s.date() == null ? "" : s.date())
                .thenComparing(ClaimsDocument.Summary::run).reversed());
        Path file = resultsDir.resolve(FILE);
        Files.writeString(file, render(runs, unreadable) + withdrawn(resultsDir.resolve(WITHDRAWN)));
        return file;
    }

    /** The withdrawn runs, each with the first line of its note: why it must not be quoted. */
    static String withdrawn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> notes;
        try (Stream<Path> list = Files.list(dir)) {
            notes = list.map(d -> d.resolve(WITHDRAWN_NOTE)).filter(Files::isRegularFile).sorted().toList();
        }
        if (notes.isEmpty()) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading(2, "Withdrawn runs");
        md.paragraph("Kept for the record, not to be quoted: each note says what was wrong, with the figures.");
        for (Path note : notes) {
            String run = note.getParent().getFileName().toString();
            String why = Files.readAllLines(note).stream().filter(l -> l.startsWith("# ")).findFirst()
                    .map(l -> l.substring(2)).orElse("withdrawn");
            md.bullet(Markdown.link(run, WITHDRAWN + "/" + run + "/" + WITHDRAWN_NOTE) + ": " + why);
        }
        return "\n" + md;
    }

    static String render(List<ClaimsDocument.Summary> runs, List<String> unreadable) {
        Markdown md = new Markdown();
        md.heading(1, "Published runs");
        md.paragraph("Newest first. Each run's README.md has its environment, tables and charts; its CLAIMS.md has "
                + "each verdict with the rule that computed it and the figures it rests on. This file is written by "
                + Markdown.code("./poolbench report") + " from every " + Markdown.code("results/<run>/"
                + ClaimsDocument.JSON_FILE) + "; do not edit it by hand.");
        if (runs.isEmpty()) {
            md.paragraph("No run has been reported yet.");
        }
        for (ClaimsDocument.Summary s : runs) {
            md.heading(2, Markdown.link(s.run(), s.run() + "/" + RunReadme.FILE));
            md.paragraph((s.date() == null ? "date unknown" : s.date()) + " · suite " + (s.suite() == null ? "unknown"
                    : s.suite()) + " · commit " + Markdown.code(s.gitCommit() == null ? "unknown" : s.gitCommit())
                    + " · " + Markdown.link("claims", s.run() + "/" + ClaimsDocument.FILE));
            md.table(List.of("#", "claim", "verdict", "measured"), s.claims().stream().map(c -> List.of(
                    Integer.toString(c.number()), c.claim(), "**" + c.verdict() + "**", c.measured())).toList());
        }
        unreadable.forEach(u -> md.bullet("not read: " + u));
        return md.toString();
    }
}
