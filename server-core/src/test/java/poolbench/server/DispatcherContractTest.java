package poolbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static poolbench.server.StatsChecks.assertConsistent;
import static poolbench.server.StatsChecks.awaitStats;

import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every arm's dispatcher must do, over {@link FakeConnectionServerFactory} (no sockets): describe its
 * options, refuse at its cap without closing the connection, and on close refuse what comes later while the
 * running connection finishes. {@link ArmSuite} runs it on every arm; each arm's own tests pin its model.
 */
@Timeout(30)
public abstract class DispatcherContractTest extends DispatcherFixture {

    /** Whether the arm refuses connections beyond {@code concurrency}. */
    protected abstract boolean capped();

    @Test
    void describesWhichOptionsItHonoursOnOneLine() {
        String description = arm().description();
        assertEquals(armName(), arm().name());
        assertFalse(description.contains("\n"), description);
        for (String option : List.of("concurrency", "maxIdleWorkerDuration", "order", "logAllErrors")) {
            assertTrue(description.contains(option), () -> "says nothing of " + option + ": " + description);
        }
    }

    @Test
    void refusesConnectionsPastTheCapAndAFreedPlaceTakesTheNext() throws Exception {
        assumeTrue(capped(), "this arm has no cap");
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(2));
        Socket first = servers.connection();
        Socket second = servers.connection();
        assertTrue(d.dispatch(first));
        assertTrue(d.dispatch(second));
        servers.awaitServed();
        servers.awaitServed();

        Socket third = servers.connection();
        assertFalse(d.dispatch(third));
        assertFalse(third.isClosed(), "a refused connection stays the caller's to answer and close");
        assertEquals(new DispatcherStats(2, 0, 2, 2, 0, 1), assertConsistent(d.stats()));

        servers.finish(first);
        // The freed place opens once the finished connection's worker is back (or its permit returned).
        while (!d.dispatch(third)) {
            Thread.sleep(1);
        }
        assertEquals(third, servers.awaitServed().connection());
        servers.finish(second);
        servers.finish(third);
    }

    @Test
    void closeRefusesLaterConnectionsAndLetsTheRunningOneFinish() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(4));
        Socket running = servers.connection();
        assertTrue(d.dispatch(running));
        Thread thread = servers.awaitServed().thread();

        d.close();
        d.close();
        Socket late = servers.connection();
        assertFalse(d.dispatch(late));
        assertFalse(late.isClosed(), "a refused connection stays the caller's to close");
        assertEquals(0, d.stats().rejected(), "refusing after close is not a rejection at capacity");
        assertTrue(thread.isAlive(), "the running connection is not cut off");

        servers.finish(running);
        assertTrue(thread.join(FakeConnectionServerFactory.WAIT));
        assertEquals(0, awaitStats(d::stats, s -> s.workersAlive() == 0).workersAlive());
    }
}
