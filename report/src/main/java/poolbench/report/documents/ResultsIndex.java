package poolbench.report.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import poolbench.report.claims.ClaimRule;
import poolbench.report.claims.Verdict;

/**
 * results/README.md: every published run, newest first, each with one line per claim. Rebuilt from every
 * {@code results/<run>/claims.json} on each report, so it never goes stale and never needs editing by hand.
 */
public final class ResultsIndex {

    static final String FILE = "README.md";

    private ResultsIndex() {
    }

    /** Writes {@code resultsDir/README.md}; returns it. */
    public static Path write(Path resultsDir) throws IOException {
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
        // The newest run with findings written for it speaks for the index.
        Optional<String> findings = runs.stream().flatMap(r -> RunNotes.findings(resultsDir.resolve(r.run()))
                .map(f -> RunNotes.fromResultsDirectory(f, r.run())).stream()).findFirst();
        Path file = resultsDir.resolve(FILE);
        Files.writeString(file, render(runs, unreadable, findings));
        return file;
    }

    /** How a verdict reads in a side-by-side cell: "confirmed", "inconclusive", or "no data" where it was missing. */
    static String cell(ClaimsDocument.Summary.Line line) {
        return line.reason() != null && line.reason().startsWith(ClaimRule.MISSING) ? "no data" : line.verdict();
    }

    /**
     * Whether the runs that reached a verdict on a claim agree: "same" when every run reached the same verdict,
     * "agree" when those that reached one (confirmed or refuted) reached the same, "flips" when one confirmed
     * and another refuted, "–" when none reached one.
     */
    static String agreement(List<String> cells) {
        List<String> reached = cells.stream().filter(c -> c.equals(Verdict.CONFIRMED.word())
                || c.equals(Verdict.REFUTED.word())).distinct().toList();
        if (reached.size() > 1) {
            return "**flips**";
        }
        if (cells.stream().distinct().count() == 1) {
            return "same";
        }
        return reached.isEmpty() ? "–" : "agree";
    }

    /**
     * Every run's verdict on every claim, quick runs first, oldest to newest, then the full ones: whether a verdict
     * reproduces is read across a row.
     */
    static void sideBySide(Markdown md, List<ClaimsDocument.Summary> runs) {
        List<ClaimsDocument.Summary> columns = new ArrayList<>(runs.stream()
                .filter(r -> r.claims() != null && !r.claims().isEmpty()).toList());
        if (columns.size() < 2) {
            return;
        }
        columns.sort(Comparator.comparing((ClaimsDocument.Summary s) -> !"quick".equals(s.suite()))
                .thenComparing(s -> s.date() == null ? "" : s.date()));
        md.heading(2, "Verdicts side by side");
        md.paragraph("Each run's verdict on each claim, read across a row: **same** when every run gave it, **agree** "
                + "when the runs that reached a verdict (confirmed or refuted) reached the same one while others "
                + "were inconclusive or lacked the data, **flips** when one confirmed what another refuted. "
                + "\"no data\" means the suite does not run what the rule reads (the quick suite has no Go arms, no "
                + "database and no heap sweep).");
        List<String> header = new ArrayList<>(List.of("#", "claim"));
        columns.forEach(c -> header.add(Markdown.link(c.run(), c.run() + "/" + ClaimsDocument.FILE) + " ("
                + (c.suite() == null ? "?" : c.suite()) + ", " + shortCommit(c.gitCommit()) + ")"));
        header.add("across runs");
        List<List<String>> rows = new ArrayList<>();
        for (ClaimsDocument.Summary.Line line : columns.get(0).claims()) {
            List<String> cells = columns.stream().map(c -> c.claims().stream()
                    .filter(l -> l.number() == line.number()).findFirst().map(ResultsIndex::cell).orElse("–"))
                    .toList();
            List<String> row = new ArrayList<>(List.of(Integer.toString(line.number()), line.claim()));
            row.addAll(cells);
            row.add(agreement(cells));
            rows.add(row);
        }
        md.table(header, rows);
    }

    private static String shortCommit(String commit) {
        if (commit == null) {
            return "commit unknown";
        }
        return commit.length() > 7 ? commit.substring(0, 7) + (commit.endsWith("-dirty") ? "-dirty" : "") : commit;
    }

    static String render(List<ClaimsDocument.Summary> runs, List<String> unreadable, Optional<String> findings) {
        Markdown md = new Markdown();
        md.heading(1, "Published runs");
        md.paragraph("Newest first. Each run's README.md has its environment, tables and charts; its CLAIMS.md has "
                + "each verdict with the rule that computed it and the figures it rests on. This file is written by "
                + Markdown.code("./poolbench report") + " from every " + Markdown.code("results/<run>/"
                + ClaimsDocument.JSON_FILE) + "; do not edit it by hand.");
        if (runs.isEmpty()) {
            md.paragraph("No run has been reported yet.");
        }
        // The verdicts lead; the newest run's findings, with their caveats, follow them.
        sideBySide(md, runs);
        findings.ifPresent(md::raw);
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
