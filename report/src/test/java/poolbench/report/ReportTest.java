package poolbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.report.charts.ChartFiles;
import poolbench.report.claims.ClaimResult;
import poolbench.report.claims.ClaimRule;
import poolbench.report.claims.ClaimRulesTest;
import poolbench.report.claims.Claims;
import poolbench.report.documents.ClaimsDocument;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Launches;
import poolbench.report.run.RunSet;
import poolbench.report.run.Runs;
import poolbench.report.run.WorkloadPoint;

/**
 * A report of a whole run directory, written once from records built in code and a JMH result file: every section
 * and every chart is there, and the files link each other.
 */
@Timeout(120)
class ReportTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final List<String> ARMS = List.of(KnownArms.CLASSIC, KnownArms.JDK_POOL, KnownArms.PER_CONNECTION,
            KnownArms.VIRTUAL, KnownArms.VIRTUAL_POOLED);

    @TempDir
    static Path temp;
    static Path results;
    static Path run;
    static Report.Written written;

    @BeforeAll
    static void writeReport() throws IOException {
        results = temp.resolve("results");
        run = Runs.writeRunDirectory(results.resolve("2026-11-28-fixture1"), everyWorkload(), comparisons(),
                Runs.accountedEnvironment());
        copyJmhFixture(run);
        written = Report.write(run, results);
    }

    /** Every workload compare has, on every arm, twice; plus classic with per-connection buffers. */
    static List<RunRecord> everyWorkload() {
        List<RunRecord> records = new ArrayList<>();
        for (int repeat = 1; repeat <= 2; repeat++) {
            for (String arm : ARMS) {
                boolean pooled = !arm.equals(KnownArms.PER_CONNECTION) && !arm.equals(KnownArms.VIRTUAL);
                double speed = (arm.equals(KnownArms.CLASSIC) ? 1.0 : 0.8) + repeat * 0.02;
                for (int c : List.of(16, 64)) {
                    records.add(Runs.run(arm, Workload.PLAINTEXT, c, repeat).rps(40_000 * speed * (c == 64 ? 1.1 : 1))
                            .alloc(400).cpu(25).build());
                }
                records.add(Runs.run(arm, Workload.PLAINTEXT_CLOSE, 16, repeat).close()
                        .rps((pooled ? 9_000 : 3_000) * speed).alloc(pooled ? 3_000 : 60_000).cpu(pooled ? 110 : 330)
                        .latency(0.2, pooled ? 4 : 30).workers(16, 0, 16).threads(20, pooled ? 0 : 6_000)
                        .connections(18_000, 0).build());
                records.add(Runs.run(arm, Workload.SLEEP, 100, repeat).path("/sleep?ms=10").rps(9_000 * speed)
                        .latency(10, 14).workers(100, 0, 100).build());
                records.add(Runs.run(arm, Workload.OVERLOAD, 256, repeat).path("/sleep?ms=5")
                        .serverArgs("--concurrency", "64").rps(12_000 * speed)
                        .workers(pooled ? 64 : 256, 0, pooled ? 64 : 256).threads(pooled ? 80 : 270, 0)
                        .connections(5_000, pooled ? 4_000 : 0).build());
                records.add(Runs.run(arm, Workload.BURST, 128, repeat).path("/sleep?ms=2")
                        .serverArgs("--max-idle-worker-duration", "1s").rps(40_000 * speed)
                        .workers(0, 128, 128).lifecycle(128, pooled ? 127 : 0, pooled ? 1 : 0)
                        .samples(new long[] {0, 128, 150}, new long[] {1, 128, 150}, new long[] {2, 128, 150},
                                new long[] {3, 64, 90}, new long[] {4, 1, 25}).build());
            }
            records.add(Runs.run(KnownArms.CLASSIC, "plaintext-close-connbuf", 16, repeat).close()
                    .serverArgs("--buffers", "connection").buffers("connection").rps(8_000).alloc(27_000).cpu(130)
                    .build());
        }
        return records;
    }

    /** The quick suite's comparisons: keep-alive, close and sleep with the A/A arm, and mixed with the mitigation. */
    static List<LaunchRecord> comparisons() {
        List<LaunchRecord> records = new ArrayList<>();
        for (String w : List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE, Workload.SLEEP)) {
            Launches.Comparison c = ClaimRulesTest.withClassicAndAa(w).arm(KnownArms.VIRTUAL,
                    ClaimRulesTest.cpu(95, 0.03, 3)).capacity(KnownArms.CLASSIC, 8_000, true)
                    .capacity(KnownArms.VIRTUAL, 7_000, true);
            if (w.equals(Workload.PLAINTEXT_CLOSE)) {
                c.arm(KnownArms.PER_CONNECTION, ClaimRulesTest.cpu(300, 0.03, 1))
                        .capacity(KnownArms.PER_CONNECTION, 4_000, true);
            }
            records.addAll(c.build());
        }
        records.addAll(Launches.comparison(Workload.MIXED, 16).heavyShares(0.5, 0.9)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(50)).arm(KnownArms.CLASSIC_AA, Launches.Cell.cpu(50))
                .arm(KnownArms.VIRTUAL, Launches.Cell.cpu(50).latency(25, 31).freshAnswered(0, 20))
                .arm(KnownArms.VIRTUAL_OFFLOAD, Launches.Cell.cpu(50)).build());
        return records;
    }

    static void copyJmhFixture(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("jmh"));
        for (String file : List.of("quick.json", "quick-environment.txt")) {
            try (InputStream in = ReportTest.class.getResourceAsStream("/jmh/" + file)) {
                Files.copy(in, dir.resolve("jmh").resolve(file));
            }
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(run.resolve(file));
    }

    @Test
    void readmeHasEverySection() throws IOException {
        String readme = read("README.md");
        for (String heading : List.of("# poolbench run `2026-11-28-fixture1`", "## Environment", "## Method",
                "## The article's claims", "### Shown by the port", "### Measured",
                "## Comparisons: cost at equal load", "### mixed, 16 connections", "## Results per workload",
                "### plaintext", "#### plaintext, 16 connections",
                "#### plaintext, 64 connections", "### plaintext-close", "### plaintext-close-connbuf", "### sleep",
                "### overload", "### burst", "### Across workloads", "### Threads and workers through the burst",
                "## JMH")) {
            assertTrue(readme.contains("\n" + heading + "\n") || readme.startsWith(heading + "\n"),
                    "README lacks " + heading);
        }
        assertTrue(readme.contains("| server JVM flags | `-Xms512m -Xmx512m -XX:+UseG1GC` |"), readme);
        assertTrue(readme.contains("| warm-up / measured window | 2 s / 4 s |"), readme);
        assertTrue(readme.contains("server options `--concurrency 64`"), readme);
    }

    @Test
    void tablesGiveTheMedianAndTheRangeOverRepeats() throws IOException {
        String readme = read("README.md");
        // classic on plaintext at 16 connections: 40,000 × 1.02 and × 1.04 requests/s.
        assertTrue(readme.contains("| classic | 2 | 41,200 (40,800–41,600) |"), readme);
        assertTrue(readme.contains("| 503s |"), "the overload table shows 503s");
    }

    @Test
    void everyChartIsAPngLinkedFromTheReadme() throws IOException {
        String readme = read("README.md");
        List<String> expected = new ArrayList<>(List.of(ChartFiles.RELATIVE_THROUGHPUT, ChartFiles.ALLOC_PER_REQUEST,
                ChartFiles.CPU_PER_REQUEST, ChartFiles.BURST_WORKERS, ChartFiles.BURST_THREADS,
                ChartFiles.JMH_HAND_OFF,
                ChartFiles.throughputVsConnections(Workload.PLAINTEXT)));
        for (String w : List.of(Workload.PLAINTEXT_CLOSE, Workload.SLEEP, Workload.OVERLOAD, Workload.BURST)) {
            expected.add(ChartFiles.latency(new WorkloadPoint(w, w.equals(Workload.PLAINTEXT_CLOSE) ? 16
                    : w.equals(Workload.SLEEP) ? 100 : w.equals(Workload.OVERLOAD) ? 256 : 128)));
        }
        expected.add(ChartFiles.latency(new WorkloadPoint(Workload.PLAINTEXT, 64)));
        for (String comparison : List.of("plaintext-c16", "plaintext-close-c16", "sleep-c16", "mixed-c16")) {
            expected.add(ChartFiles.latencyVsRate(comparison));
            if (!comparison.startsWith("mixed")) {
                expected.add(ChartFiles.cpuVsRate(comparison));
            }
        }
        for (String chart : expected) {
            Path png = run.resolve(chart);
            assertTrue(Files.isRegularFile(png), chart + " was not written");
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
            assertArrayEquals(PNG_MAGIC, head, chart + " is not a PNG");
            assertTrue(Files.size(png) > 10_000, chart + " is nearly empty");
            assertTrue(readme.contains("](" + chart + ")"), "README does not show " + chart);
            assertTrue(written.files().contains(png), chart + " is not in the list of files written");
        }
        assertFalse(Files.exists(run.resolve(ChartFiles.throughputVsConnections(Workload.SLEEP))),
                "a workload run at one connection count gets no throughput-vs-connections chart");
    }

    @Test
    void jmhScoresWhoseErrorIsOverFifteenPercentAreLeftOutOfTheChartsAndNamed() throws IOException {
        // The fixture is a quick run of the old 3-iteration preset: no LIFO/FIFO or thread-start score is chartable,
        // and 3 of the 6 hand-off scores are not.
        String readme = read("README.md");
        assertFalse(Files.exists(run.resolve(ChartFiles.JMH_WORKER_ORDER)), "a chart of no chartable score");
        assertFalse(Files.exists(run.resolve(ChartFiles.JMH_THREAD_START)), "a chart of no chartable score");
        assertTrue(readme.contains("3 of 6 scores are left out: JMH could not pin them down to 15%"), readme);
        assertTrue(readme.contains("- HandOffBenchmark.oneSubmitter, target=CLASSIC_POOL (sample): ±21% > 15%\n"),
                readme);
        assertTrue(readme.contains("- WorkerOrderBenchmark.burst, idleWorkers=128, jobs=2, order=LIFO, stateKiB=512 "
                + "(avgt): ±1595% > 15%\n"), readme);
        assertTrue(readme.contains("- ThreadStartBenchmark.virtualThread (avgt): no error from JMH\n"), readme);
        assertFalse(readme.contains("- HandOffBenchmark.oneSubmitter, target=NEW_PLATFORM_THREAD"),
                "a score within 15% (±9.4%) is charted, not listed");
    }

    @Test
    void claimsDocumentRulesOnEveryClaimAndLinksItsCharts() throws IOException {
        String claims = read("CLAIMS.md");
        for (ClaimRule rule : Claims.RULES) {
            assertTrue(claims.contains("## " + Claims.number(rule) + ". " + rule.claim()), "no section for "
                    + rule.claim());
            assertTrue(claims.contains("Rule: " + rule.rule()), rule.claim() + " does not print its rule");
        }
        assertTrue(claims.indexOf("## Shown by the port") < claims.indexOf("## Measured"), claims);
        assertTrue(claims.contains("## What the data shows that the article did not claim"));
        assertTrue(claims.contains("### Where the cost of a new connection goes"));
        assertTrue(claims.contains("### LIFO vs FIFO worker order (JMH)"));
        assertTrue(claims.contains("| per-connection | requestOnNewConnection | 1,575 | 5.75× |"), claims);
        assertTrue(claims.contains("**Verdict: confirmed** — confirmed at every step: per-connection ÷ classic "
                + "server CPU µs per request, plaintext-close, 16 connections: 3.0"), claims);
        assertTrue(claims.contains("| operating point | launches | geometric mean | 95% interval | A/A 95% interval "
                + "| judged interval | verdict |"), claims);
        assertTrue(claims.contains("| at 1,000 req/s, 25% of per-connection's capacity (4,000 req/s) | 5 | 3.0"),
                claims);
        assertTrue(claims.contains("**Demonstration: shown** — in all 2 repeats the workers stayed within the cap"),
                claims);
        assertTrue(claims.contains("[" + ChartFiles.latencyVsRate("plaintext-close-c16") + "]"), claims);
    }

    @Test
    void claimsJsonHoldsEveryVerdictForTheIndex() throws IOException {
        ClaimsDocument.Summary summary = ClaimsDocument.readJson(run.resolve("claims.json"));
        assertEquals("2026-11-28-fixture1", summary.run());
        List<ClaimResult> computed = Claims.evaluate(RunSet.load(run));
        assertEquals(computed.size(), summary.claims().size());
        for (int i = 0; i < computed.size(); i++) {
            ClaimsDocument.Summary.Line line = summary.claims().get(i);
            assertEquals(i + 1, line.number());
            assertEquals(computed.get(i).verdict().word(), line.verdict());
            assertEquals(computed.get(i).headline(), line.measured());
        }
        // The fixture has what the quick suite decides: no demonstration lacks its single runs there, and the
        // measured claims it has comparisons for reach a verdict.
        assertTrue(summary.claims().stream().filter(l -> l.verdict().equals("shown")).count() >= 2);
        assertTrue(summary.claims().stream().anyMatch(l -> l.verdict().equals("confirmed")));
        assertTrue(summary.claims().stream().anyMatch(l -> l.verdict().equals("refuted")), "virtual starves new "
                + "connections in the fixture's mixed comparison");
    }

    @Test
    void resultsIndexListsTheRunWithOneLinePerClaim() throws IOException {
        String index = Files.readString(results.resolve("README.md"));
        assertTrue(index.contains("## [2026-11-28-fixture1](2026-11-28-fixture1/README.md)"), index);
        for (ClaimRule rule : Claims.RULES) {
            assertTrue(index.contains("| " + Claims.number(rule) + " | " + rule.claim() + " |"), index);
        }
    }

    @Test
    void headlineIsAMarkdownTableOfVerdictsAndRequestsPerSecond() {
        assertTrue(written.headline().startsWith("| claim | verdict (run 2026-11-28-fixture1) | measured |"));
        assertTrue(written.headline().contains("| demonstration | run 2026-11-28-fixture1 | figures |"),
                written.headline());
        assertTrue(written.headline().contains("| capacity, req/s |"), written.headline());
        assertTrue(written.headline().contains("| plaintext-close, 16 connections |"), written.headline());
    }

    @Test
    void aRunWrittenBeforeComparisonsStillReportsAndItsMeasuredClaimsSaySo(@TempDir Path dir) throws IOException {
        Path old = Runs.writeRunDirectory(dir.resolve("2026-11-28-old"), everyWorkload(), Runs.environment(2));
        Report.write(old, null);
        ClaimsDocument.Summary summary = ClaimsDocument.readJson(old.resolve("claims.json"));
        for (int i = 0; i < Claims.RULES.size(); i++) {
            ClaimsDocument.Summary.Line line = summary.claims().get(i);
            if (Claims.RULES.get(i).kind() == ClaimRule.Kind.MEASURED) {
                assertEquals("inconclusive", line.verdict(), line.claim());
                assertTrue(line.reason().startsWith("missing data: no comparison in this run"), line.reason());
            }
        }
        assertFalse(Files.readString(old.resolve("README.md")).contains("## Comparisons"));
    }

    @Test
    void aDirectoryWithoutRawOrJmhIsRefusedWithTheFix(@TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.write(empty, null));
        assertTrue(e.getMessage().endsWith("run ./poolbench compare first, or pass a results/<run> directory"),
                e.getMessage());
    }
}
