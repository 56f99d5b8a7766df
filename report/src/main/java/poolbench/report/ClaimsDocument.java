package poolbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import poolbench.compare.record.Environment;

/**
 * CLAIMS.md, every claim with its verdict, the rule that computed it, the per-repeat figures and the charts it rests
 * on; and claims.json beside it, the same verdicts for machines (the results index reads it, not the markdown).
 */
final class ClaimsDocument {

    static final String FILE = "CLAIMS.md";
    static final String JSON_FILE = "claims.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What claims.json holds: enough for the index to list a run and its verdicts. */
    record Summary(String run, String date, String suite, String gitCommit, List<Line> claims) {

        record Line(int number, String claim, String verdict, String reason, String measured) {
        }
    }

    private ClaimsDocument() {
    }

    static String anchor(ClaimResult c) {
        return "claim-" + c.number();
    }

    static String render(RunSet runs, ChartSet charts, List<ClaimResult> claims) {
        Markdown md = new Markdown();
        md.heading(1, "The article's claims, checked against run " + Markdown.code(runs.name()));
        md.paragraph("Each verdict is computed from the records in " + Markdown.code(RunSet.RAW + "/")
                + (runs.jmh().isEmpty() ? "" : " and " + Markdown.code(JmhResults.DIRECTORY + "/"))
                + " by the rule printed beside it. A figure comparing two arms pairs repeat k of one with repeat k "
                + "of the other (they ran back to back on the same machine) and is summarised by the geometric mean "
                + "of the pairs' ratios with a 95% interval (percentile bootstrap over the pairs, fixed seed, so the "
                + "same records give the same report), widened by the run's A/A noise floor where the run has an "
                + "A/A arm. **Confirmed** and **refuted** need the whole interval on one side of the rule's threshold "
                + "(a figure of one arm, every repeat); **inconclusive** names the interval that straddles it, or the "
                + "data the rule needs that is not in this run. Runs still disturbed after their retries are left "
                + "out. Tables and charts of the whole run: " + Markdown.link(RunReadme.FILE, RunReadme.FILE) + ".");
        md.table(List.of("#", "claim", "verdict", "measured"), claims.stream().map(c -> List.of(
                Integer.toString(c.number()), Markdown.link(c.claim(), "#" + anchor(c)),
                "**" + c.verdict().word() + "**", c.headline())).toList());
        RunReadme.aa(md, runs);
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
        md.paragraph("**Verdict: " + c.verdict().word() + "** — " + c.reason() + ".");
        md.paragraph("Rule: " + c.rule());
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

    static void writeJson(RunSet runs, List<ClaimResult> claims, Path file) throws IOException {
        Environment env = runs.environment().orElse(null);
        Summary summary = new Summary(runs.name(), env == null ? null : env.date(), env == null ? null : env.suite(),
                env == null ? null : env.gitCommit(), claims.stream().map(c -> new Summary.Line(c.number(), c.claim(),
                c.verdict().word(), c.reason(), c.headline())).toList());
        Files.writeString(file, JSON.writeValueAsString(summary) + "\n");
    }

    static Summary readJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Summary.class);
    }
}
