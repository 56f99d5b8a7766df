package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static poolbench.server.testing.StatsChecks.assertConsistent;
import static poolbench.server.testing.StatsChecks.awaitIdle;
import static poolbench.server.testing.StatsChecks.awaitStats;

import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;

/**
 * What every arm's dispatcher must do, over {@link FakeConnectionServerFactory} (no sockets): describe its
 * options, serve on threads of its model, reuse a worker for connections in turn exactly when it pools, refuse
 * at its cap without closing the connection, close each ConnectionServer it made when that server's thread ends,
 * and on close refuse what comes later while the running connection finishes. {@link ArmSuite} runs it on every arm; each arm's own tests pin what only its model does.
 */
@Timeout(30)
public abstract class DispatcherContractTest extends DispatcherFixture {

    protected DispatcherContractTest(ArmSuite suite) {
        super(suite);
    }

    @Test
    void servesOnThreadsOfItsModelNamedAfterTheArm() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        FakeConnectionServerFactory.Served served = serveOne(d);
        assertEquals(virtualThreads(), served.thread().isVirtual(), "virtual thread");
        assertTrue(served.thread().getName().startsWith(armName() + "-"), served.thread().getName());
        assertEquals(new DispatcherStats(1, 0, 1, 1, 0, 0), assertConsistent(d.stats()));
        servers.finish(served.connection());
    }

    @Test
    void connectionsServedInTurnShareOneWorkerAndConnectionServerExactlyWhenPooled() throws Exception {
        int connections = 5;
        // With a cap of one, a connection goes to the one worker once it is back, or is refused until then (a
        // pool that started a second worker would have passed the cap), so retrying shows whether the worker and
        // its ConnectionServer were kept. An uncapped arm ignores the cap.
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(1));
        List<FakeConnectionServerFactory.Served> served = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket connection = servers.connection();
            while (!d.dispatch(connection)) {
                Thread.sleep(1);
            }
            served.add(servers.awaitServed());
            servers.finish(connection);
            if (!pooled()) {
                assertTrue(served.get(i).thread().join(FakeConnectionServerFactory.WAIT), "ends with its connection");
            }
        }
        if (pooled()) {
            awaitIdle(d::stats, 1);
        }
        long threads = served.stream().map(FakeConnectionServerFactory.Served::thread).distinct().count();
        long connectionServers = served.stream().map(FakeConnectionServerFactory.Served::server).distinct().count();
        int expected = pooled() ? 1 : connections;
        assertEquals(expected, threads, "threads");
        assertEquals(expected, connectionServers, "connection servers");
        assertEquals(expected, servers.created());
        assertEquals(expected, d.stats().workersStarted());
        for (FakeConnectionServerFactory.Served s : served) {
            assertTrue(s.connection().isClosed(), "the dispatcher closes each connection after serving it");
        }
    }

    /**
     * A ConnectionServer holds a downstream connection and a place in the deadline sweeper's watch, so the thread
     * that kept it lets go of it as it ends: a thread per connection with its connection, a pooled worker when it
     * is reaped (here after a short idle time).
     */
    @Test
    void eachConnectionServerIsClosedWhenTheThreadThatKeptItEnds() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withMaxIdleWorkerDuration(Duration.ofMillis(20)));
        Socket connection = servers.connection();
        assertTrue(d.dispatch(connection));
        Thread thread = servers.awaitServed().thread();
        assertEquals(0, servers.closed(), "in use while its connection is served");
        servers.finish(connection);

        assertTrue(thread.join(FakeConnectionServerFactory.WAIT), "ends with its connection, or once reaped");
        assertEquals(1, servers.created());
        assertEquals(1, servers.closed());
    }

    /**
     * The description ends in "; honours a, b; ignores c, d" over every {@link ArmOptions} component: the cap is
     * honoured exactly when the arm says it caps, idle workers and their order exactly when it pools.
     */
    @Test
    void describesOnOneLineWhichOptionsItHonoursAndWhichItIgnores() {
        String description = arm().description();
        assertEquals(armName(), arm().name());
        assertFalse(description.contains("\n"), description);
        Set<String> honoured = optionsAfter("; honours ", description);
        Set<String> ignored = optionsAfter("; ignores ", description);
        Set<String> expected = new TreeSet<>(Set.of("logAllErrors"));
        if (capped()) {
            expected.add("concurrency");
        }
        if (pooled()) {
            expected.addAll(Set.of("maxIdleWorkerDuration", "order"));
        }
        Set<String> options = new TreeSet<>();
        for (RecordComponent c : ArmOptions.class.getRecordComponents()) {
            options.add(c.getName());
        }
        Set<String> rest = new TreeSet<>(options);
        rest.removeAll(expected);
        assertEquals(expected, honoured, () -> "honours: " + description);
        assertEquals(rest, ignored, () -> "ignores: " + description);
    }

    /** The option names listed after {@code marker} up to the next ';', each without what follows its name. */
    private static Set<String> optionsAfter(String marker, String description) {
        int from = description.indexOf(marker);
        if (from < 0) {
            return Set.of();
        }
        from += marker.length();
        int to = description.indexOf(';', from);
        Set<String> names = new TreeSet<>();
        for (String item : description.substring(from, to < 0 ? description.length() : to).split(", ")) {
            names.add(item.split(" ", 2)[0]);
        }
        return names;
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
        assertEquals(servers.created(), servers.closed(), "a thread ended by close lets go of its server too");
        DispatcherStats after = awaitStats(d::stats, s -> s.workersAlive() == 0);
        assertEquals(0, after.workersAlive());
        assertEquals(0, after.workersReaped(), "threads ended by close are not reaped");
    }
}
