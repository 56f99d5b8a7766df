package poolbench.server.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import java.util.function.Supplier;

import poolbench.server.spi.DispatcherStats;

/** Waits for a dispatcher's stats to reach a state, and checks the invariants every snapshot must keep. */
public final class StatsChecks {

    private StatsChecks() {
    }

    /** Polls until {@code condition} holds; the test's own timeout bounds the wait. */
    public static DispatcherStats awaitStats(Supplier<DispatcherStats> stats, Predicate<DispatcherStats> condition)
            throws InterruptedException {
        while (true) {
            DispatcherStats now = assertConsistent(stats.get());
            if (condition.test(now)) {
                return now;
            }
            Thread.sleep(1);
        }
    }

    public static DispatcherStats awaitIdle(Supplier<DispatcherStats> stats, long idle) throws InterruptedException {
        return awaitStats(stats, s -> s.workersIdle() == idle);
    }

    public static DispatcherStats assertConsistent(DispatcherStats s) {
        assertTrue(s.workersAlive() >= s.workersIdle(), () -> "alive < idle: " + s);
        assertTrue(s.workersPeak() >= s.workersAlive(), () -> "peak < alive: " + s);
        assertTrue(s.workersStarted() >= s.workersPeak(), () -> "started < peak: " + s);
        assertTrue(s.workersIdle() >= 0 && s.workersReaped() >= 0 && s.rejected() >= 0, () -> "negative: " + s);
        return s;
    }
}
