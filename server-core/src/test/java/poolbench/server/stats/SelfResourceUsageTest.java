package poolbench.server.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The process's CPU time through getrusage is finer than the 10 ms clock tick the JDK's own figure counts in. */
class SelfResourceUsageTest {

    /** Busy for {@code nanos} of wall time: the clock is read every turn, so the loop cannot be optimised away. */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void processCpuTimeGrowsWithWorkAndIsNotCountedInWholeTicks() {
        assumeTrue(SelfResourceUsage.cpuNanos() >= 0, "no getrusage through the foreign function API here");
        boolean finerThanATick = false;
        for (int i = 0; i < 5 && !finerThanATick; i++) {
            long before = SelfResourceUsage.cpuNanos();
            spin(3_000_000);
            long after = SelfResourceUsage.cpuNanos();
            assertTrue(after >= before, before + " then " + after);
            finerThanATick = (after - before) % 10_000_000 != 0;
        }
        assertTrue(finerThanATick, "five deltas were whole 10 ms ticks");
    }
}
