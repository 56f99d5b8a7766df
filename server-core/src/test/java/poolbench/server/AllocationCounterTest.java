package poolbench.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stats endpoint divides getTotalThreadAllocatedBytes by requests; that is only fair to the virtual and
 * per-connection arms if the counter sees what virtual threads and ended threads allocated.
 */
class AllocationCounterTest {

    private static final int MB = 1 << 20;
    private static volatile Object sink;

    private static long total() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static void allocate(int megabytes) {
        for (int i = 0; i < megabytes; i++) {
            sink = new byte[MB];
        }
    }

    @Test
    @Timeout(30)
    void totalAllocatedBytesIncludesWhatVirtualThreadsAllocated() throws InterruptedException {
        long before = total();
        Thread t = Thread.ofVirtual().start(() -> allocate(64));
        t.join();
        long delta = total() - before;
        assertTrue(delta >= 64L * MB, "counted " + delta + " bytes for 64 MiB allocated on a virtual thread");
    }

    @Test
    @Timeout(30)
    void totalAllocatedBytesKeepsWhatEndedPlatformThreadsAllocated() throws InterruptedException {
        long before = total();
        Thread t = Thread.ofPlatform().start(() -> allocate(64));
        t.join();
        long delta = total() - before;
        assertTrue(delta >= 64L * MB, "counted " + delta + " bytes for 64 MiB allocated on an ended thread");
    }
}
