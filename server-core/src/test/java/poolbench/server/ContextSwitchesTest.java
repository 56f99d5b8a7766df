package poolbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextSwitchesTest {

    /** The tail of a real /proc/self/task/N/status (Linux 6.x), with the lines around the two counts. */
    private static String status(long voluntary, long involuntary) {
        return "Name:\tjava\nState:\tS (sleeping)\nThreads:\t23\nVmRSS:\t  123456 kB\n"
                + "Cpus_allowed_list:\t0-1\nMems_allowed_list:\t0\n"
                + "voluntary_ctxt_switches:\t" + voluntary + "\n"
                + "nonvoluntary_ctxt_switches:\t" + involuntary + "\n";
    }

    @Test
    void oneStatusFileGivesItsTwoCounts() {
        ContextSwitches c = ContextSwitches.ofStatus(status(1234, 56));
        assertEquals(1234, c.voluntary());
        assertEquals(56, c.involuntary());
    }

    @Test
    void aStatusWithoutTheCountsReadsZero() {
        ContextSwitches c = ContextSwitches.ofStatus("Name:\tjava\nState:\tR (running)\n");
        assertEquals(0, c.voluntary());
        assertEquals(0, c.involuntary());
    }

    @Test
    void theTasksAreSummedAndATaskThatEndedIsSkipped(@TempDir Path proc) throws Exception {
        Path tasks = proc.resolve("task");
        Files.createDirectories(tasks.resolve("100"));
        Files.createDirectories(tasks.resolve("101"));
        Files.createDirectories(tasks.resolve("102")); // ended: its status is gone
        Files.writeString(tasks.resolve("100/status"), status(10, 1));
        Files.writeString(tasks.resolve("101/status"), status(32, 4));
        ContextSwitches c = ContextSwitches.sumOfTasks(tasks);
        assertTrue(c.counted());
        assertEquals(42, c.voluntary());
        assertEquals(5, c.involuntary());
    }

    @Test
    void withoutProcNothingIsCounted(@TempDir Path proc) {
        ContextSwitches c = ContextSwitches.sumOfTasks(proc.resolve("no-such-task-dir"));
        assertFalse(c.counted());
        assertEquals(0, c.voluntary());
    }

    @Test
    void thisProcessCountsOnLinux() {
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            ContextSwitches c = ContextSwitches.ofThisProcess();
            assertTrue(c.counted());
            assertTrue(c.voluntary() > 0, "a JVM's threads have blocked by now");
        }
    }
}
