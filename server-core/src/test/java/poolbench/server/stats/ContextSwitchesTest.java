package poolbench.server.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The process's context switches come from getrusage, so a thread that ended is still counted: the figure a
 * thread-per-connection arm's window is divided by can no longer go negative.
 */
@Timeout(30)
class ContextSwitchesTest {

    /** Each timed park blocks in the kernel: one voluntary switch at least. */
    private static final int BLOCKS = 1_000;

    @BeforeEach
    void onlyWhereGetrusageIsReachable() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeTrue(os.startsWith("linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "struct rusage is read with the 64-bit Linux layout");
        assumeTrue(Runtime.version().feature() >= 22, "java.lang.foreign is final from JDK 22");
    }

    @Test
    void thisProcessIsCountedThroughGetrusage() {
        ContextSwitches c = ContextSwitches.ofThisProcess();
        assertTrue(c.counted(), "getrusage could not be called through java.lang.foreign");
        assertTrue(c.voluntary() > 0, "a JVM's threads have blocked by now");
    }

    @Test
    void aThreadThatEndedAfterBlockingStillCountsInTheTotal() throws Exception {
        ContextSwitches before = ContextSwitches.ofThisProcess();
        Thread blocker = Thread.ofPlatform().name("blocks-then-ends").start(() -> {
            for (int i = 0; i < BLOCKS; i++) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            }
        });
        blocker.join();
        ContextSwitches after = ContextSwitches.ofThisProcess();
        // Summed over the live threads, the ended thread's switches would be gone and the delta near zero.
        assertTrue(after.voluntary() - before.voluntary() >= BLOCKS,
                "voluntary switches grew by " + (after.voluntary() - before.voluntary()) + ", the ended thread "
                        + "alone blocked " + BLOCKS + " times");
    }

    @Test
    void theTotalsNeverDecreaseAcrossSnapshotsWhileThreadsStartAndEnd() throws Exception {
        List<ContextSwitches> snapshots = new ArrayList<>();
        snapshots.add(ContextSwitches.ofThisProcess());
        for (int round = 0; round < 20; round++) {
            List<Thread> shortLived = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                shortLived.add(Thread.ofPlatform().start(() -> {
                    for (int k = 0; k < 20; k++) {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
                    }
                }));
            }
            for (Thread t : shortLived) {
                t.join();
            }
            snapshots.add(ContextSwitches.ofThisProcess());
        }
        for (int i = 1; i < snapshots.size(); i++) {
            ContextSwitches earlier = snapshots.get(i - 1);
            ContextSwitches later = snapshots.get(i);
            assertTrue(later.voluntary() >= earlier.voluntary() && later.involuntary() >= earlier.involuntary(),
                    "snapshot " + i + " went down: " + earlier + " then " + later);
        }
        assertTrue(snapshots.getLast().voluntary() - snapshots.getFirst().voluntary() >= 20 * 4 * 20,
                "the ended threads' switches are in the total");
    }
}
