package poolbench.server.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** Which thread allocates: a virtual one, or a platform one that has ended by the time the counter is read. */
    enum Allocator {
        VIRTUAL(Thread.ofVirtual(), "a virtual thread"),
        ENDED_PLATFORM(Thread.ofPlatform(), "an ended thread");

        final Thread.Builder builder;
        final String what;

        Allocator(Thread.Builder builder, String what) {
            this.builder = builder;
            this.what = what;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Allocator.class)
    @Timeout(30)
    void totalAllocatedBytesIncludesWhatVirtualAndEndedPlatformThreadsAllocated(Allocator allocator)
            throws InterruptedException {
        long before = total();
        Thread t = allocator.builder.start(() -> allocate(64));
        t.join();
        long delta = total() - before;
        assertTrue(delta >= 64L * MB, "counted " + delta + " bytes for 64 MiB allocated on " + allocator.what);
    }
}
