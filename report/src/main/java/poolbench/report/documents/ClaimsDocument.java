package poolbench.report.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import poolbench.compare.plan.Comparison;
import poolbench.compare.record.Environment;
import poolbench.report.charts.ChartSet;
import poolbench.report.claims.ClaimResult;
import poolbench.report.claims.Series;
import poolbench.report.run.Figure;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.RunSet;

/**
 * CLAIMS.md, every claim with its verdict, the rule that computed it, the per-repeat figures and the charts it rests
 * on; and claims.json beside it, the same verdicts for machines (the results index reads it, not the markdown).
 */
public final class ClaimsDocument {

    public static final String FILE = "CLAIMS.md";
    public static final String JSON_FILE = "claims.json";
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What claims.json holds: enough for the index to list a run and its verdicts. */
    public record Summary(String run, String date, String suite, String gitCommit, List<Line> claims) {

        public record Line(int number, String claim, String verdict, String reason, String measured) {
        }
    }

    private ClaimsDocument() {
    }

    static String anchor(ClaimResult c) {
        return "claim-" + c.number();
    }

    public static String render(RunSet runs, ChartSet charts, List<ClaimResult> claims) {
        Markdown md = new Markdown();
        md.heading(1, "The article's claims, checked against run " + Markdown.code(runs.name()));
        md.paragraph("Each verdict is computed from the records by the rule printed beside it. The measured claims "
                + "are decided on the comparisons (" + Markdown.code(OperatingPoints.DIRECTORY + "/") + "): the "
                + "compared arms run at once, each in its own JVM under the same CPU quota, and take the same offered "
                + "rates open-loop in interleaved windows; the ladder of rates is set from the weakest arm's capacity. "
                + "An arm's figure at a step in one launch is its total over the launch's counted windows there, and "
                + "its latency is read from those windows' histograms merged (a step it did not sustain gives that "
                + "launch no value); the ratio of two arms is taken launch by "
                + "launch, since both ran in the same launch, and summarised by the geometric mean of the per-launch "
                + "ratios with a 95% t-interval on their logarithms (t with n − 1 degrees of freedom; no interval "
                + "from fewer than " + Comparison.MIN_LAUNCHES + " launches). The A/A arm "
                + "(classic launched a second time under its own label) gives each step its own noise interval, "
                + "which every verdict at that comparison includes as its rule says. Each operating point gets a "
                + "verdict; a claim is confirmed or refuted when its points agree, and otherwise names the rate "
                + "where the answer turns. Demonstrations are read from the single runs in "
                + Markdown.code(RunSet.RAW + "/") + " and are shown or not shown. Tables and charts of the whole "
                + "run: " + Markdown.link(RunReadme.FILE, RunReadme.FILE) + ".");
        ClaimTables.summary(md, claims, "#", 2);
        for (ClaimResult c : claims) {
            claim(md, c, charts);
        }
        md.heading(2, "What the data shows that the article did not claim");
        Findings.render(md, runs);
        return md.toString();
    }

    private static void claim(Markdown md, ClaimResult c, ChartSet charts) {
        md.paragraph("<a id=\"" + anchor(c) + "\"></a>");
        md.heading(2, c.number() + ". " + c.claim());
        md.paragraph("**" + (c.demonstration() ? "Demonstration: " : "Verdict: ") + c.verdict().word() + "** — "
                + c.reason() + ".");
        md.paragraph("Rule: " + c.rule());
        for (Series s : c.deciding()) {
            ClaimTables.series(md, s, true);
        }
        for (Series s : c.shown()) {
            ClaimTables.series(md, s, false);
        }
        List<Figure> shown = c.evidence().stream().filter(e -> !e.values().isEmpty()).toList();
        if (!shown.isEmpty()) {
            for (Figure e : shown) {
                md.bullet((e.decides() ? "**" + e.label() + "** (decides)" : e.label()) + ": " + e.summary());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Figure e : shown) {
                for (Figure.Repeat m : e.values()) {
                    rows.add(List.of(e.label(), m.where(), e.format().apply(m.value()), m.detail()));
                }
            }
            md.table(List.of("figure", "connections, repeat", "value", "from"), rows);
        }
        c.notes().forEach(n -> md.bullet(n));
        List<String> links = c.charts().stream().filter(charts::has).map(f -> Markdown.link(f, f)).toList();
        if (!links.isEmpty()) {
            md.paragraph("Charts: " + String.join(", ", links) + ".");
        }
    }

    public static void writeJson(RunSet runs, List<ClaimResult> claims, Path file) throws IOException {
        Environment env = runs.environment().orElse(null);
        Summary summary = new Summary(runs.name(), env == null ? null : env.date(), env == null ? null : env.suite(),
                env == null ? null : env.gitCommit(), claims.stream().map(c -> new Summary.Line(c.number(), c.claim(),
                c.verdict().word(), c.reason(), c.headline())).toList());
        Files.writeString(file, JSON.writeValueAsString(summary) + "\n");
    }

    public static Summary readJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Summary.class);
    }
}
