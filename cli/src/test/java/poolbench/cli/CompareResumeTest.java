package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * {@code compare --resume}: a run directory missing a record (as an interrupted suite leaves it) is finished in
 * place, running only what is missing; one from another build is refused in one line.
 */
class CompareResumeTest {

    private static final Suite TWO_RUNS = new Suite("two-runs", List.of(), List.of(Workload.plaintext(List.of(4),
            List.of())), List.of(), false, Duration.ofMillis(200), Duration.ofMillis(500), 2, Duration.ofMillis(200),
            Suite.Sweep.NONE);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static CompareOptions options(Path dir, boolean resume) {
        return new CompareOptions(TWO_RUNS, List.of("classic"), dir, false, Launcher.home(), false,
                new Gate(1.0, 1, Duration.ZERO), List.of(), CompareOptions.DEFAULT_DB_POOL_SIZE,
                CpuQuota.DEFAULT_SHARE, Duration.ofMillis(10), resume);
    }

    @Test
    @Timeout(120)
    void anInterruptedSuiteIsFinishedIntoTheSameDirectoryRunningOnlyWhatIsMissing(@TempDir Path dir)
            throws Exception {
        List<RunRecord> first = new CompareRun(options(dir, false), QUIET).run();
        assertEquals(2, first.size());
        Path kept = dir.resolve("raw").resolve(first.get(0).id() + ".json");
        Path lost = dir.resolve("raw").resolve(first.get(1).id() + ".json");
        String keptText = Files.readString(kept);
        Files.delete(lost);

        List<RunRecord> resumed = new CompareRun(options(dir, true), QUIET).run();
        assertEquals(List.of(first.get(0).id(), first.get(1).id()), resumed.stream().map(RunRecord::id).toList());
        assertEquals(keptText, Files.readString(kept), "the kept record is not run again");
        assertTrue(Files.exists(lost), "the missing record is run");
        assertTrue(CompareRun.readRecord(lost).ok());
    }

    @Test
    @Timeout(60)
    void aDirectoryOfAnotherBuildIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        new CompareRun(options(dir, false), QUIET).run();
        Path env = dir.resolve("environment.json");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) CompareRun.JSON.readTree(env.toFile());
        tree.put("gitCommit", "0000000000000000000000000000000000000000");
        CompareRun.JSON.writeValue(env.toFile(), tree);
        var refused = assertThrows(IllegalArgumentException.class,
                () -> new CompareRun(options(dir, true), QUIET).run());
        assertTrue(refused.getMessage().contains("built from 0000000"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line");
        assertEquals(JvmSetting.DEFAULT.heap(), CompareRun.readRecord(Files.list(dir.resolve("raw"))
                .filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow()).heap());
    }
}
