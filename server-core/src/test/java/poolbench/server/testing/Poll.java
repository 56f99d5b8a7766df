package poolbench.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that becomes true asynchronously (a worker exits, a socket closes), for a bounded time. */
public final class Poll {

    private static final long STEP_MILLIS = 5;

    private Poll() {
    }

    /**
     * Returns how long it took {@code condition} to hold, checking every few milliseconds; fails with
     * {@code what}'s description after {@code limit}.
     */
    public static Duration until(Duration limit, BooleanSupplier condition, Supplier<String> what) {
        long t0 = System.nanoTime();
        long deadline = t0 + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what.get(), e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
