package poolbench.report;

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

/**
 * What makes a verdict reproduce on a noisy machine: fewer than three pairs get the run-to-run floor, a client-bound
 * pair decides no requests/s ratio, retried runs are listed; and what a published run carries beside its records
 * (findings, the wrk table) and how the index lines runs up side by side.
 */
@Timeout(120)
class TrustworthyVerdictsTest {

    private static final String CLOSE = Workload.PLAINTEXT_CLOSE;

    private static Figure pairs(double... ratios) {
        return Runs.pairs(ratios);
    }

    @Test
    void onePairIsWidenedToTheRunToRunFloorAndThreePairsAreNot() {
        Figure one = pairs(1.5);
        assertEquals(1.5 * (1 - Figure.FEW_PAIRS_NOISE), one.interval().low(), 1e-9);
        assertEquals(1.5 * (1 + Figure.FEW_PAIRS_NOISE), one.interval().high(), 1e-9);
        assertTrue(one.summary().contains("fewer than 3 pairs: ±20% included"), one.summary());
        // A ratio of 1.15 from one pair cannot clear 0.9 once the floor is in: 0.92 clears, so 1.10 is the case.
        assertEquals(Verdict.INCONCLUSIVE, Threshold.atLeast(0.9).verdict(pairs(1.10), Per.PAIR));
        assertEquals(Verdict.CONFIRMED, Threshold.atLeast(0.9).verdict(pairs(1.10, 1.12, 1.11), Per.PAIR));

        Figure three = pairs(1.5, 1.5, 1.5);
        assertEquals(1.5, three.interval().low(), 1e-9);
        assertEquals(1.5, three.interval().high(), 1e-9);
        // A larger A/A noise wins over the floor.
        assertEquals(1.5 * 0.7, one.withNoise(0.3).interval().low(), 1e-9);
    }

    @Test
    void theAaNoiseIsReadFromTheAaPairsAloneNotFromTheFloor() {
        List<RunRecord> records = List.of(
                run(KnownArms.CLASSIC, 1, 10_000, 0.5).build(),
                run(KnownArms.CLASSIC_AA, 1, 10_200, 0.5).build());
        assertEquals(0.02, Runs.set(records).aaNoise(CLOSE, Metric.REQUESTS_PER_SECOND), 1e-9);
    }

    private static Runs.Run run(String arm, int repeat, double rps, double loadUse) {
        return Runs.run(arm, CLOSE, 16, repeat).close().rps(rps).cpu(1e6 / rps).alloc(1000)
                .interference(0.01, loadUse, 1);
    }

    @Test
    void aClientBoundPairDecidesNoRequestsRatioButStillCountsForServerFigures() {
        List<RunRecord> records = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            records.add(run(KnownArms.CLASSIC, k, 9_000, 0.5).build());
            records.add(run(KnownArms.PER_CONNECTION, k, 3_000, k == 2 ? 0.97 : 0.5).build());
        }
        RunSet runs = Runs.set(records);
        Figure rps = runs.ratio("classic ÷ per-connection requests/s", CLOSE, KnownArms.CLASSIC,
                KnownArms.PER_CONNECTION, Metric.REQUESTS_PER_SECOND, true);
        assertEquals(List.of(1, 3), rps.values().stream().map(Figure.Repeat::repeat).toList());
        assertTrue(rps.label().contains("1 client-bound pair left out"), rps.label());
        Figure alloc = runs.ratio("alloc", CLOSE, KnownArms.CLASSIC, KnownArms.PER_CONNECTION,
                Metric.ALLOC_BYTES_PER_REQUEST, true);
        assertEquals(3, alloc.values().size());
        assertEquals("alloc", alloc.label());
    }

    @Test
    void virtualThreadsDecideTheCpuBoundWorkloadsOnServerCpuSoAClientBoundRunStillCounts() {
        List<RunRecord> records = new ArrayList<>();
        for (String w : VirtualThreadsRule.WORKLOADS) {
            // On keep-alive every run is client-bound: both arms show the client's 10,000 requests/s, while virtual
            // spends 60 µs of server CPU a request against classic's 100.
            double load = w.equals(Workload.PLAINTEXT) ? 0.97 : 0.5;
            for (int k = 1; k <= 3; k++) {
                records.add(Runs.run(KnownArms.VIRTUAL, w, 64, k).rps(10_000).cpu(60)
                        .interference(0.01, load, 1).build());
                records.add(Runs.run(KnownArms.CLASSIC, w, 64, k).rps(10_000).cpu(100)
                        .interference(0.01, load, 1).build());
            }
        }
        ClaimResult c = new VirtualThreadsRule().evaluate(Runs.set(records));
        assertEquals(Verdict.CONFIRMED, c.verdict(), c.reason());
        Figure keepAlive = c.evidence().stream()
                .filter(e -> e.label().equals("virtual ÷ classic requests per server CPU-second, plaintext"))
                .findFirst().orElseThrow();
        assertEquals(3, keepAlive.values().size());
        assertEquals(100.0 / 60, keepAlive.geometricMean(), 1e-9);
        // The requests/s ratio beside it says why it has no pairs.
        assertTrue(c.evidence().stream().noneMatch(e -> e.label().startsWith("virtual ÷ classic requests/s, plaintext ")
                && !e.values().isEmpty()), "a client-bound requests/s pair is shown as left out, not as a ratio");
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
    void theIndexShowsFindingsFirstAndTheRunsSideBySide(@TempDir Path results) throws IOException {
        for (String name : List.of("2026-12-02-a", "2026-12-02-b")) {
            Path run = Runs.writeRunDirectory(results.resolve(name), List.of(
                    run(KnownArms.CLASSIC, 1, 9_000, 0.5).build(),
                    run(KnownArms.PER_CONNECTION, 1, 1_000, 0.5).build()), Runs.environment(1));
            if (name.endsWith("b")) {
                Files.writeString(run.resolve(RunNotes.FINDINGS), "## What the data says\n\n"
                        + "[9×](CLAIMS.md#claim-1)\n");
            }
            Report.write(run, null);
        }
        String index = Files.readString(ResultsIndex.write(results));
        assertTrue(index.indexOf("## What the data says") < index.indexOf("## Verdicts side by side"), index);
        assertTrue(index.contains("[9×](2026-12-02-b/CLAIMS.md#claim-1)"), index);
        assertTrue(index.contains("| 1 | A worker pool makes the server many times more efficient than a thread per "
                + "connection. | confirmed | confirmed | same |"), index);
    }
}
