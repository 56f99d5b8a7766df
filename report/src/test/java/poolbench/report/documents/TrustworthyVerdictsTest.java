package poolbench.report.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;
import poolbench.report.Report;
import poolbench.report.claims.ClaimRulesTest;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Launches;
import poolbench.report.run.Metric;
import poolbench.report.run.RunSet;
import poolbench.report.run.Runs;

/**
 * What makes a figure trustworthy on a noisy machine: a client-bound pair makes no requests/s ratio, retried runs are
 * listed; and what a published run carries beside its records (findings, the wrk table) and how the index lines runs
 * up side by side.
 */
@Timeout(120)
class TrustworthyVerdictsTest {

    private static final String CLOSE = Workload.PLAINTEXT_CLOSE;

    private static Runs.Run run(String arm, int repeat, double rps, double loadUse) {
        return Runs.run(arm, CLOSE, 16, repeat).close().rps(rps).cpu(1e6 / rps).alloc(1000)
                .interference(0.01, loadUse, 1);
    }

    @Test
    void aClientBoundPairMakesNoRequestsRatioButStillCountsForServerFigures() {
        List<RunRecord> records = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            records.add(run(KnownArms.CLASSIC, k, 9_000, 0.5).build());
            records.add(run(KnownArms.PER_CONNECTION, k, 3_000, k == 2 ? 0.97 : 0.5).build());
        }
        RunSet runs = Runs.set(records);
        List<Figure.Repeat> rps = runs.pairedRatios(CLOSE, KnownArms.CLASSIC, KnownArms.PER_CONNECTION,
                Metric.REQUESTS_PER_SECOND);
        assertEquals(List.of(1, 3), rps.stream().map(Figure.Repeat::repeat).toList());
        assertEquals(3, runs.pairedRatios(CLOSE, KnownArms.CLASSIC, KnownArms.PER_CONNECTION,
                Metric.ALLOC_BYTES_PER_REQUEST).size());
    }

    @Test
    void retriedRunsAndTheWrkTableAndFindingsAppearInTheRunsReadme(@TempDir Path dir) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            records.add(run(KnownArms.CLASSIC, k, 9_000, 0.5).build());
            records.add(Runs.run(KnownArms.PER_CONNECTION, CLOSE, 16, k).close().rps(3_000)
                    .interference(0.01, 0.5, k == 3 ? 2 : 1).build());
        }
        Path run = Runs.writeRunDirectory(dir.resolve("2026-12-02-fixture"), records, Runs.environment(3));
        Files.writeString(run.resolve(RunNotes.WRK_TABLE), "wrk-table.sh: 2026-12-02T10:00:00Z, commit abc1234\n"
                + "round  server  keep-alive  close\n");
        Files.writeString(run.resolve(RunNotes.FINDINGS), "## What the data says\n\nClassic serves "
                + "[3.00×](CLAIMS.md#claim-1) the requests of [per-connection](#results).\n");
        Report.write(run, null);
        String readme = Files.readString(run.resolve(RunReadme.FILE));
        assertTrue(readme.indexOf("## What the data says") < readme.indexOf("## Environment"), readme);
        assertTrue(readme.contains("### Runs that needed another attempt"), readme);
        assertTrue(readme.contains("1 of 6 records (17%) were disturbed at first"), readme);
        assertTrue(readme.contains("| `plaintext-close-c16-per-connection-r3` | 2 |"), readme);
        assertTrue(readme.contains("## wrk table"), readme);
        assertTrue(readme.contains("```\nwrk-table.sh: 2026-12-02T10:00:00Z, commit abc1234\n"), readme);
    }

    @Test
    void everyRunCleanAtItsFirstAttemptSaysSo(@TempDir Path dir) throws IOException {
        Path run = Runs.writeRunDirectory(dir.resolve("2026-12-02-fixture"),
                List.of(run(KnownArms.CLASSIC, 1, 9_000, 0.5).build()), Runs.environment(1));
        Report.write(run, null);
        String readme = Files.readString(run.resolve(RunReadme.FILE));
        assertTrue(readme.contains("None: every one of the 1 records was clean at its first attempt."), readme);
        assertFalse(readme.contains("## wrk table"), readme);
    }

    @Test
    void findingsLinksAreMadeToWorkFromTheResultsDirectory() {
        String moved = RunNotes.fromResultsDirectory("see [6.1×](CLAIMS.md#claim-1), [table](#results), "
                + "[chart](charts/x.png) and [wrk](https://example.org/a)", "2026-12-02-h");
        assertEquals("see [6.1×](2026-12-02-h/CLAIMS.md#claim-1), [table](2026-12-02-h/README.md#results), "
                + "[chart](2026-12-02-h/charts/x.png) and [wrk](https://example.org/a)", moved);
    }

    @Test
    void runsAgreeWhenTheVerdictsTheyReachAreTheSame() {
        assertEquals("same", ResultsIndex.agreement(List.of("confirmed", "confirmed", "confirmed")));
        assertEquals("agree", ResultsIndex.agreement(List.of("confirmed", "inconclusive", "no data")));
        assertEquals("**flips**", ResultsIndex.agreement(List.of("confirmed", "refuted", "confirmed")));
        assertEquals("–", ResultsIndex.agreement(List.of("inconclusive", "no data")));
        assertEquals("same", ResultsIndex.agreement(List.of("no data", "no data")));
    }

    @Test
    void theIndexLeadsWithTheRunsSideBySideThenTheNewestFindings(@TempDir Path results) throws IOException {
        for (String name : List.of("2026-12-02-a", "2026-12-02-b")) {
            Path run = Runs.writeRunDirectory(results.resolve(name), List.of(
                    run(KnownArms.CLASSIC, 1, 9_000, 0.5).build()), Launches.comparison(CLOSE, 16)
                    .arm(KnownArms.CLASSIC, ClaimRulesTest.cpu(100, 0.03, 0))
                    .arm(KnownArms.PER_CONNECTION, ClaimRulesTest.cpu(900, 0.03, 1)).build(), Runs.environment(1));
            if (name.endsWith("b")) {
                Files.writeString(run.resolve(RunNotes.FINDINGS), "## What the data says\n\n"
                        + "[9×](CLAIMS.md#claim-1)\n");
            }
            Report.write(run, null);
        }
        String index = Files.readString(ResultsIndex.write(results));
        assertTrue(index.indexOf("## Verdicts side by side") >= 0, index);
        assertTrue(index.indexOf("## Verdicts side by side") < index.indexOf("## What the data says"), index);
        assertTrue(index.contains("[9×](2026-12-02-b/CLAIMS.md#claim-1)"), index);
        assertTrue(index.contains("| 1 | A worker pool makes the server many times more efficient than a thread per "
                + "connection. | confirmed | confirmed | same |"), index);
    }

    @Test
    void demonstrationsSitApartFromMeasuredClaimsAndAJmhRunHasNoColumn(@TempDir Path results) throws IOException {
        List<ClaimsDocument.Summary.Line> lines = List.of(
                new ClaimsDocument.Summary.Line(1, "measured", "confirmed", "why", "2.5×"),
                new ClaimsDocument.Summary.Line(2, "the cap holds", "shown", "why", "64"));
        List<ClaimsDocument.Summary> runs = List.of(
                new ClaimsDocument.Summary("2026-12-03-a", "2026-12-03T01:00:00Z", "quick", "abc", lines),
                new ClaimsDocument.Summary("2026-12-03-b", "2026-12-03T02:00:00Z", "full", "abc", lines),
                new ClaimsDocument.Summary("2026-12-03-jmh", null, null, null, lines));
        String index = ResultsIndex.render(runs, List.of(), java.util.Optional.empty(), true);
        int measured = index.indexOf("### Measured claims");
        int demonstrations = index.indexOf("### Demonstrations");
        assertTrue(measured >= 0 && demonstrations > measured, index);
        assertTrue(index.indexOf("| 1 | measured | confirmed | confirmed | same |") > measured, index);
        assertTrue(index.indexOf("| 1 | measured |") < demonstrations, index);
        assertTrue(index.indexOf("| 2 | the cap holds | shown | shown | same |") > demonstrations, index);
        String header = index.substring(measured, index.indexOf('\n', index.indexOf("| #", measured)));
        assertTrue(!header.contains("2026-12-03-jmh"), header);
        assertTrue(index.contains("[superseded/](superseded/README.md)"), index);
        assertTrue(!ResultsIndex.render(runs, List.of(), java.util.Optional.empty(), false).contains("superseded"));
        assertEquals("**differs**", ResultsIndex.demonstrationAgreement(List.of("shown", "not shown")));
        assertEquals("agree", ResultsIndex.demonstrationAgreement(List.of("shown", "no data")));
        assertEquals("same", ResultsIndex.demonstrationAgreement(List.of("not shown", "not shown")));
    }
}
