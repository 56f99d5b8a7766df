package poolbench.report.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;
import poolbench.report.Report;
import poolbench.report.charts.ChartFiles;
import poolbench.report.claims.ClaimRulesTest;
import poolbench.report.run.JmhResult;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Metric;
import poolbench.report.run.RunSet;
import poolbench.report.run.Runs;
import poolbench.report.run.WorkloadPoint;

/**
 * A run with CPU accounting and an A/A arm: each comparison's A/A interval at every step, a disturbed run listed and
 * left out of every figure, a client-bound run flagged.
 */
@Timeout(120)
class AccountedRunTest {

    private static final String CLOSE = Workload.PLAINTEXT_CLOSE;

    /** Three repeats of classic, its A/A twin and per-connection on plaintext-close, all clean. */
    private static List<RunRecord> clean() {
        List<RunRecord> records = new ArrayList<>();
        double[] classic = {9_000, 9_400, 9_200};
        double[] twin = {9_300, 9_100, 9_250};
        for (int k = 0; k < 3; k++) {
            records.add(run(KnownArms.CLASSIC, k + 1, classic[k]).build());
            records.add(run(KnownArms.CLASSIC_AA, k + 1, twin[k]).build());
            records.add(run(KnownArms.PER_CONNECTION, k + 1, 3_000 + 100 * k).build());
        }
        return records;
    }

    private static Runs.Run run(String arm, int repeat, double rps) {
        return Runs.run(arm, CLOSE, 16, repeat).close().rps(rps).cpu(1e6 / rps).interference(0.01, 0.5, 1);
    }

    @Test
    void theReadmeStatesEachComparisonsAaIntervalAtEveryStep(@TempDir Path dir) throws IOException {
        Path run = Runs.writeRunDirectory(dir.resolve("2026-12-02-compared"), List.of(),
                ClaimRulesTest.withClassicAndAa(CLOSE).arm(KnownArms.PER_CONNECTION, ClaimRulesTest.cpu(300, 0.03, 1))
                        .capacity(KnownArms.PER_CONNECTION, 4_000, true).capacity(KnownArms.CLASSIC, 9_000, false)
                        .build(), Runs.accountedEnvironment());
        Report.write(run, null);
        String readme = Files.readString(run.resolve("README.md"));
        assertTrue(readme.contains("## Comparisons: cost at equal load"), readme);
        assertTrue(readme.contains("### plaintext-close, 16 connections"), readme);
        assertTrue(readme.contains("- A/A 1,000 req/s: classic-aa ÷ classic server CPU µs per request 1.01× (95% "
                + "0.98×–1.04× over 5 launches)"),
                readme);
        assertTrue(readme.contains("| per-connection | 4,000 | 50% | yes |"), readme);
        assertTrue(readme.contains("| 1,000 req/s | per-connection | 5 of 5 | 1,000 | 302 (291–309) |"), readme);
        assertTrue(readme.contains("| server CPU quota | 0.50 CPU (5.0 ms per 10.0 ms, cgroup-v1) |"), readme);
        assertTrue(Files.isRegularFile(run.resolve(ChartFiles.latencyVsRate("plaintext-close-c16"))));
        assertTrue(readme.contains("](" + ChartFiles.cpuVsRate("plaintext-close-c16") + ")"), readme);
    }

    @Test
    void aDisturbedRunIsListedAndLeftOutOfEveryFigure(@TempDir Path dir) throws IOException {
        List<RunRecord> records = new ArrayList<>(clean());
        // Classic's repeat 4 would triple the median if it counted; per-connection's has a partner only through it.
        records.add(run(KnownArms.CLASSIC, 4, 60_000).interference(0.38, 0.5, 3).build());
        records.add(run(KnownArms.PER_CONNECTION, 4, 3_000).build());
        RunSet runs = Runs.set(records);
        WorkloadPoint p = new WorkloadPoint(CLOSE, 16);
        assertEquals(3, runs.ok(p, KnownArms.CLASSIC).size());
        assertEquals(List.of("plaintext-close-c16-classic-r4"), runs.disturbed().stream().map(RunRecord::id).toList());
        assertEquals(3, runs.pairedRatios(CLOSE, KnownArms.CLASSIC, KnownArms.PER_CONNECTION,
                Metric.REQUESTS_PER_SECOND::of).size(), "the disturbed repeat pairs with nothing");
        assertEquals(9_200, runs.figure(p, KnownArms.CLASSIC, Metric.REQUESTS_PER_SECOND).median());

        Path run = Runs.writeRunDirectory(dir.resolve("2026-12-01-fixture2"), records, Runs.environment(4));
        Report.write(run, null);
        String readme = Files.readString(run.resolve("README.md"));
        assertTrue(readme.contains("### Disturbed runs (left out)"), readme);
        assertTrue(readme.contains("| `plaintext-close-c16-classic-r4` | 3 | 38% |"), readme);
        assertTrue(readme.contains("| classic | 3 (1 disturbed, left out) |"), readme);
        assertFalse(readme.contains("No CPU accounting"), readme);
        assertTrue(readme.contains("the runs had 2.00 s of it (median, range)."), readme);
        assertTrue(readme.contains("| what the machine did | 11 windows, probes and runs: 1 disturbed (measured again "
                + "or left out; none is in a figure); steal on the worse CPU median 0"), readme);
        assertTrue(readme.contains("others on the server CPUs median 1"), readme);
        assertTrue(readme.contains("worst 38"), readme);
    }

    @Test
    void aClientBoundRunIsFlaggedInItsTable(@TempDir Path dir) throws IOException {
        List<RunRecord> records = new ArrayList<>(clean());
        records.add(run(KnownArms.CLASSIC, 4, 9_100).interference(0.01, 0.97, 1).build());
        Path run = Runs.writeRunDirectory(dir.resolve("2026-12-01-fixture3"), records, Runs.environment(4));
        Report.write(run, null);
        String readme = Files.readString(run.resolve("README.md"));
        assertTrue(readme.contains("| classic | 4 (1 client-bound) |"), readme);
    }

    @Test
    void recordsWithoutAccountingAreNotCountedAsAccounted() {
        RunSet runs = Runs.set(List.of(Runs.run(KnownArms.CLASSIC, CLOSE, 16, 1).build()));
        assertFalse(runs.accounted());
    }

    @Test
    void aWithdrawnRunUnderInvalidIsNotInTheIndex(@TempDir Path results) throws IOException {
        // A withdrawn run keeps its records and its note under results/invalid/<run>/, out of the published runs.
        Path withdrawn = Runs.writeRunDirectory(results.resolve("invalid/2026-11-28-x"),
                List.of(Runs.run(KnownArms.CLASSIC, CLOSE, 16, 1).build()), Runs.environment(1));
        Report.write(withdrawn, null);
        Files.writeString(withdrawn.resolve("INVALID.md"), "# Withdrawn: others had the CPUs\n\nfigures\n");
        String index = Files.readString(ResultsIndex.write(results));
        assertTrue(index.contains("No run has been reported yet."), index);
        assertFalse(index.contains("2026-11-28-x"), index);
    }

    @Test
    void aJmhScoreWhoseErrorIsOverTenPercentIsMarked() {
        JmhResult noisy = new JmhResult("ThreadStartBenchmark", "virtualThread", "avgt", 1, Map.of(), 10.71,
                109.0, "us/op", 200);
        JmhResult tight = new JmhResult("ParseBenchmark", "workerOwnedBuffers", "avgt", 1, Map.of(), 1.0,
                0.05, "us/op", 0);
        assertTrue(noisy.imprecise());
        assertFalse(tight.imprecise());
        assertEquals("**±1018% > 10%**", RunReadme.errorCell(noisy));
        assertEquals("±5.0%", RunReadme.errorCell(tight));
    }
}
