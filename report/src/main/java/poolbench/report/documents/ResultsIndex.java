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
    /** Where runs of an older method go, out of the index but kept: results/superseded/<run>/. */
    static final String SUPERSEDED = "superseded";

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
        Files.writeString(file, render(runs, unreadable, findings,
                Files.isRegularFile(resultsDir.resolve(SUPERSEDED).resolve("README.md"))));
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
     * Whether the runs agree on a demonstration: "same" when every run gave one word, "agree" when those with data
     * did, "**differs**" when one showed what another did not.
     */
    static String demonstrationAgreement(List<String> cells) {
        long words = cells.stream().filter(c -> c.equals(Verdict.SHOWN.word()) || c.equals(Verdict.NOT_SHOWN.word()))
                .distinct().count();
        if (words > 1) {
            return "**differs**";
        }
        return cells.stream().distinct().count() == 1 ? "same" : "agree";
    }

    /** A demonstration's verdict words: a claim whose cell reads one of them is shown, not decided. */
    static boolean demonstration(List<String> cells) {
        return cells.stream().anyMatch(c -> c.equals(Verdict.SHOWN.word()) || c.equals(Verdict.NOT_SHOWN.word()));
    }

    /**
     * Every compare run's verdict on every claim, quick runs first, oldest to newest, then the full ones: whether a
     * verdict reproduces is read across a row. Measured claims and demonstrations are two tables, since only the
     * first could have come out the other way; a run with no suite (JMH alone) decides no claim and has no column.
     */
    static void sideBySide(Markdown md, List<ClaimsDocument.Summary> runs) {
        List<ClaimsDocument.Summary> columns = new ArrayList<>(runs.stream()
                .filter(r -> r.suite() != null && r.claims() != null && !r.claims().isEmpty()).toList());
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
                + c.suite() + ", " + shortCommit(c.gitCommit()) + ")"));
        header.add("across runs");
        List<List<String>> measured = new ArrayList<>();
        List<List<String>> demonstrations = new ArrayList<>();
        for (ClaimsDocument.Summary.Line line : columns.get(0).claims()) {
            List<String> cells = columns.stream().map(c -> c.claims().stream()
                    .filter(l -> l.number() == line.number()).findFirst().map(ResultsIndex::cell).orElse("–"))
                    .toList();
            List<String> row = new ArrayList<>(List.of(Integer.toString(line.number()), line.claim()));
            row.addAll(cells);
            boolean shown = demonstration(cells);
            row.add(shown ? demonstrationAgreement(cells) : agreement(cells));
            (shown ? demonstrations : measured).add(row);
        }
        md.heading(3, "Measured claims");
        md.table(header, measured);
        if (!demonstrations.isEmpty()) {
            md.heading(3, "Demonstrations");
            md.paragraph("Each shows the port behaving as fasthttp does (a cap, a reaper, reuse); it cannot be "
                    + "refuted by a faster or slower arm, so it is kept apart from the claims above.");
            md.table(header, demonstrations);
        }
    }

    private static String shortCommit(String commit) {
        if (commit == null) {
            return "commit unknown";
        }
        return commit.length() > 7 ? commit.substring(0, 7) + (commit.endsWith("-dirty") ? "-dirty" : "") : commit;
    }

    static String render(List<ClaimsDocument.Summary> runs, List<String> unreadable, Optional<String> findings,
                         boolean superseded) {
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
        if (superseded) {
            md.paragraph("Runs measured by a method since replaced are kept, with a note on why, under "
                    + Markdown.link("superseded/", SUPERSEDED + "/README.md") + "; runs withdrawn for a defect of "
                    + "the instrument are under " + Markdown.link("invalid/", "invalid/") + ".");
        }
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
