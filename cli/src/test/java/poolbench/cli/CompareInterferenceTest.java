package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.Gate;
import poolbench.compare.Pinning;
import poolbench.compare.RunRecord;
import poolbench.compare.Suite;

/**
 * A compare with a busy loop pinned to the server's CPU: every attempt is disturbed, so the run is retried and kept
 * marked. The clean half is asserted by threshold injection, not by hoping the shared machine is quiet: with a
 * threshold of 100% nothing can be disturbed, so the same compare must give a clean first attempt. (Whether this
 * machine is quiet right now is not something a test can promise; that others are counted when they are there is.)
 */
class CompareInterferenceTest {

    private static final Suite SHORT = Suite.named("smoke").onlyWorkloads(List.of("plaintext"));
    /**
     * Busy loops on the server's CPU. More than one: the scheduler shares a CPU by runnable thread, so a lone loop
     * beside a server with many runnable threads can be held to a few percent of it, near the threshold.
     */
    private static final int INTRUDERS = 4;
    private final List<Process> intruders = new ArrayList<>();
    private Pinning pinning;

    @AfterEach
    void restore() throws Exception {
        for (Process intruder : intruders) {
            intruder.destroyForcibly().waitFor();
        }
        if (pinning != null && pinning.enabled()) {
            // CompareRun pinned this test JVM to the load CPUs; the tests after this one get every CPU back.
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            new ProcessBuilder("taskset", "-a", "-p", "-c", online,
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private List<RunRecord> compare(Path dir, Gate gate, ByteArrayOutputStream progress) throws Exception {
        CompareOptions options = new CompareOptions(SHORT, List.of("classic"), dir, true, Launcher.home(), false,
                gate);
        return new CompareRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    @Timeout(180)
    void aBusyLoopOnTheServersCpuMarksTheRunDisturbedAfterItsRetries(@TempDir Path dir) throws Exception {
        pinning = Pinning.decide(true);
        assumeTrue(pinning.enabled(), "needs taskset and two CPUs: " + pinning.note());
        for (int i = 0; i < INTRUDERS; i++) {
            intruders.add(new ProcessBuilder("taskset", "-c", pinning.serverCpus(), "sh", "-c", "while :; do :; done")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<RunRecord> records = compare(dir, new Gate(0.03, 2, Duration.ofSeconds(1)), progress);

        assertEquals(1, records.size());
        RunRecord r = records.get(0);
        assertTrue(r.ok(), r.error());
        assertNotNull(r.interference());
        assertEquals(2, r.interference().attempt(), "retried once, then kept");
        assertFalse(r.interference().clean(), r.interference().toString());
        assertTrue(r.disturbed());
        assertFalse(r.counted());
        assertTrue(r.interference().serverCpusOthersShare() > 0.03, r.interference().toString());
        String text = progress.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("disturbed: others used "), text);
        assertTrue(text.contains("of CPU"), text);
        assertTrue(text.contains("retrying (2/2)"), text);
        RunRecord reread = CompareRun.readRecord(dir.resolve("raw").resolve(r.id() + ".json"));
        assertEquals(r.interference(), reread.interference());
    }

    @Test
    @Timeout(120)
    void underAThresholdNothingCanExceedTheFirstAttemptIsCleanAndKept(@TempDir Path dir) throws Exception {
        pinning = Pinning.decide(true);
        assumeTrue(pinning.enabled(), "needs taskset and two CPUs: " + pinning.note());
        List<RunRecord> records = compare(dir, new Gate(1.0, 3, Duration.ZERO), new ByteArrayOutputStream());

        RunRecord r = records.get(0);
        assertTrue(r.ok(), r.error());
        assertEquals(1, r.interference().attempt());
        assertTrue(r.interference().clean());
        assertTrue(r.counted());
        assertTrue(r.interference().serverCpuUtilization() > 0, "the server's own ticks are counted");
        assertTrue(r.warmupMillis() >= SHORT.warmup().toMillis());
    }
}
