package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import poolbench.compare.machine.Gate;
import poolbench.compare.machine.Pinning;
import poolbench.compare.plan.Comparison;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;

/**
 * A compare with a busy loop pinned to the server's CPU: every attempt is disturbed, so the run is retried and kept
 * marked. The clean half is asserted by threshold injection, not by hoping the shared machine is quiet: with a
 * threshold of 100% nothing can be disturbed, so the same compare must give a clean first attempt. (Whether this
 * machine is quiet right now is not something a test can promise; that others are counted when they are there is.)
 */
class CompareInterferenceTest {

    /**
     * One single run and one tiny comparison (classic against its A/A copy): both kinds of gating at once. The
     * comparison's latency bound is lenient (1 s): whether a rate is sustained on a busy test machine is not what
     * this test is about.
     */
    private static final Suite SHORT = new Suite("short", List.of(new Comparison(
            Workload.plaintext(List.of(8), List.of()), 8, List.of("classic", "classic-aa"), List.of(0.5),
            Comparison.DEFAULT_HEAVY_SHARES, 1, 1, Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofMillis(200), Duration.ofSeconds(1), 3, 1_000, JvmSetting.DEFAULT)),
            List.of(Workload.plaintext(List.of(8), List.of())), List.of("classic"), false, Duration.ofMillis(200),
            Duration.ofMillis(500), 1, Duration.ofMillis(200), Suite.Sweep.NONE);
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

    private CompareRun compare(Path dir, Gate gate, ByteArrayOutputStream progress) throws Exception {
        CompareOptions options = new CompareOptions(SHORT, List.of("classic"), dir, true, Launcher.home(), false,
                gate);
        CompareRun run = new CompareRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8));
        run.run();
        return run;
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
        CompareRun run = compare(dir, new Gate(0.03, 2, Duration.ofSeconds(1)), progress);
        List<RunRecord> records = run.completed();

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

        // The comparison: every capacity probe disturbed, measured again, then left out; with no clean probe
        // there is no capacity and so no ladder, and the launch says why instead of measuring at a guessed rate.
        LaunchRecord launch = run.launches().get(0);
        List<Window> probes = launch.capacities().stream().flatMap(c -> c.probes().stream()).toList();
        assertFalse(probes.isEmpty());
        assertTrue(probes.stream().allMatch(Window::disturbed), "every probe ran beside the busy loops");
        assertTrue(probes.stream().anyMatch(w -> w.attempt() == 2), "a disturbed probe is measured again");
        assertTrue(launch.capacities().stream().allMatch(c -> c.capacity() == 0
                && c.note().equals("every probe was disturbed")), launch.capacities().toString());
        assertTrue(launch.windows().isEmpty());
        assertNotNull(launch.error());
        assertTrue(probes.get(0).interference().ticks().serverCpusOthers() > 0, "the raw ticks show the loops");
    }

    @Test
    @Timeout(120)
    void underAThresholdNothingCanExceedTheFirstAttemptIsCleanAndKept(@TempDir Path dir) throws Exception {
        pinning = Pinning.decide(true);
        assumeTrue(pinning.enabled(), "needs taskset and two CPUs: " + pinning.note());
        CompareRun run = compare(dir, new Gate(1.0, 3, Duration.ZERO), new ByteArrayOutputStream());
        List<RunRecord> records = run.completed();

        RunRecord r = records.get(0);
        assertTrue(r.ok(), r.error());
        assertEquals(1, r.interference().attempt());
        assertTrue(r.interference().clean());
        assertTrue(r.counted());
        assertTrue(r.interference().serverCpuUtilization() > 0, "the server's own ticks are counted");
        assertTrue(r.warmupMillis() >= SHORT.warmup().toMillis());

        LaunchRecord launch = run.launches().get(0);
        assertNull(launch.error(), launch.error());
        assertEquals(List.of("classic", "classic-aa"), launch.windows().stream().map(Window::arm).distinct()
                .sorted().toList());
        assertTrue(launch.windows().stream().allMatch(w -> w.counted() && w.attempt() == 1));
        assertTrue(launch.rounds().stream().allMatch(LaunchRecord.Round::clean));
    }
}
