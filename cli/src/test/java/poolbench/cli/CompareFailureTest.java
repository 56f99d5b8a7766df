package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * A server killed in its measured window is one failed run, with how it ended, and the suite goes on with the next
 * run: the suite is two repeats of one single run, and the first repeat's server gets SIGKILL.
 */
class CompareFailureTest {

    private static final Suite TWO_RUNS = new Suite("two-runs", List.of(), List.of(Workload.plaintext(List.of(4),
            List.of())), List.of(), false, Duration.ofMillis(200), Duration.ofSeconds(2), 2, Duration.ofMillis(200),
            Suite.Sweep.NONE);

    /**
     * A server JVM this test JVM started (through its shell prefix, which execs), found by its own command line in
     * /proc: ProcessHandle's can be cut short for a command line as long as a JVM's class path.
     */
    private static Optional<ProcessHandle> server() {
        return ProcessHandle.current().descendants().filter(p -> {
            try {
                String cmdline = java.nio.file.Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                        .replace('\0', ' ');
                return cmdline.contains(" serve --arm classic");
            } catch (java.io.IOException | RuntimeException gone) {
                return false;
            }
        }).findFirst();
    }

    @Test
    @Timeout(120)
    void aServerKilledInItsWindowFailsThatRunAndTheSuiteGoesOn(@TempDir Path dir) throws Exception {
        CompareOptions options = new CompareOptions(TWO_RUNS, List.of("classic"), dir, false, Launcher.home(), false,
                new Gate(1.0, 1, Duration.ZERO));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompareRun run = new CompareRun(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        CompletableFuture<List<RunRecord>> records = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ProcessHandle victim = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (victim == null && System.nanoTime() < deadline) {
            victim = server().orElse(null);
            Thread.sleep(20);
        }
        assertTrue(victim != null, "the first run's server never started; children: " + ProcessHandle.current()
                .descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()
                + (records.isDone() ? "; compare ended: " + records.handle((r, e) -> e).join() : ""));
        // Ready, then 200 ms of warm-up and a 2 s window: a kill 1 s after ready lands in the window.
        Path log = dir.resolve("logs").resolve("plaintext-c4-classic-r1.log");
        while (!(java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains("serving on"))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(1_000);
        victim.destroyForcibly();

        List<RunRecord> done = records.get();
        assertEquals(2, done.size(), "the suite went on after the failed run");
        RunRecord killed = done.get(0);
        assertFalse(killed.ok());
        assertTrue(killed.error().startsWith("the server died: killed by signal 9"), killed.error());
        assertTrue(done.get(1).ok(), done.get(1).error());
        RunRecord reread = CompareRun.readRecord(dir.resolve("raw").resolve(killed.id() + ".json"));
        assertEquals(killed.error(), reread.error());
    }
}
