package poolbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.plan.Workload;
import poolbench.report.charts.ChartFiles;
import poolbench.report.documents.ClaimsDocument;
import poolbench.report.documents.ResultsIndex;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Runs;

/** Runs that hold only part of what a report can show: each missing part is named, never invented. */
@Timeout(60)
class PartialRunTest {

    @Test
    void aCompareRunWithoutJmhSaysSoAndStillRules(@TempDir Path dir) throws IOException {
        Runs.writeRunDirectory(dir, List.of(
                Runs.run(KnownArms.CLASSIC, Workload.PLAINTEXT_CLOSE, 4, 1).close().rps(1_600).build(),
                Runs.run(KnownArms.PER_CONNECTION, Workload.PLAINTEXT_CLOSE, 4, 1).close().rps(100).build()), null);
        Report.write(dir, null);
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("No JMH results in this run"), readme);
        assertTrue(readme.contains("environment.json is missing"), readme);
        String claims = Files.readString(dir.resolve("CLAIMS.md"));
        assertTrue(claims.contains("JMH parse suite: not in this run"), claims);
        assertTrue(claims.contains("The JMH hand-off suite is not in this run."), claims);
        assertFalse(Files.exists(dir.resolve(ChartFiles.BURST_WORKERS)), "no burst, no burst chart");
    }

    @Test
    void aJmhOnlyRunReportsJmhAndLeavesEveryClaimInconclusive(@TempDir Path dir) throws IOException {
        ReportTest.copyJmhFixture(dir);
        Report.write(dir, null);
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("only JMH results are reported below"), readme);
        assertTrue(readme.contains("the JMH run recorded its own environment"), readme);
        assertTrue(readme.contains("Environment of the JMH run (`jmh/quick-environment.txt`):\n\n```\nstarted: "),
                readme);
        assertTrue(Files.isRegularFile(dir.resolve(ChartFiles.JMH_HAND_OFF)));
        assertTrue(readme.contains("| ThreadStartBenchmark.virtualThread | – | avgt | 1 | 38.5 | – | us/op |"), readme);
        ClaimsDocument.Summary summary = ClaimsDocument.readJson(dir.resolve("claims.json"));
        assertTrue(summary.claims().stream().allMatch(c -> c.verdict().equals("inconclusive")
                || c.verdict().equals("not shown")), summary.claims().toString());
        assertEquals(null, summary.date(), "no environment.json, no date");
    }

    @Test
    void theIndexListsRunsNewestFirst(@TempDir Path results) throws IOException {
        for (String[] run : new String[][] {{"older", "2026-01-01T00:00:00Z"}, {"newer", "2026-06-01T00:00:00Z"}}) {
            Files.createDirectories(results.resolve(run[0]));
            ClaimsDocument.JSON.writeValue(results.resolve(run[0]).resolve(ClaimsDocument.JSON_FILE).toFile(),
                    new ClaimsDocument.Summary(run[0], run[1], "full", "abc", List.of(
                            new ClaimsDocument.Summary.Line(1, "claim one", "confirmed", "why", "2.5×"))));
        }
        String index = Files.readString(ResultsIndex.write(results));
        assertTrue(index.indexOf("## [newer]") < index.indexOf("## [older]"), index);
        assertTrue(index.contains("| 1 | claim one | **confirmed** | 2.5× |"), index);
    }
}
