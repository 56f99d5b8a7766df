package poolbench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poolbench.server.testing.Figures;
import poolbench.server.testing.TestHttp;

/**
 * What one carrier does with CPU-heavy virtual threads: a server in a child JVM whose virtual-thread scheduler has
 * one carrier ({@code -Djdk.virtualThreadScheduler.parallelism=1}, {@code -XX:ActiveProcessorCount=1}), while
 * connections loop {@code /cpu?work=5000000} (tens of milliseconds of CPU each). Ordering facts only, never a
 * speed: a request counts as waiting through the heavy responses that completed between its send and its answer.
 *
 * <p>What it pins, with {@link #HEAVY_CONNECTIONS} heavy connections:
 * <ul>
 *   <li>a light request on a connection established before the heavy load waits for heavy requests to finish
 *       (no time slicing): the running one and those queued before it (with two heavy connections, one or two),
 *       but it is never starved: its thread is queued among the heavy ones;</li>
 *   <li>a new connection gets no answer while the heavy load runs, and its first one right after the load stops.</li>
 * </ul>
 * Why (read in JDK 25's ForkJoinPool and VirtualThread): a carrier that took a task from a queue keeps taking from
 * that same queue while it is not empty ({@code runWorker}'s scan) and runs its local queue dry first
 * ({@code topLevelExec}). Two heavy connections or more keep one queue from emptying: each one's next request
 * arrives while another computes, and the poller's unpark puts it back in that queue. The new connection's thread is
 * started from the platform accept thread, into another (external submission) queue, which the carrier looks at
 * only once its current queue is empty: after the load stops. The suspected detail "the heavy threads re-enter the
 * carrier's local queue because the pollers are virtual threads" is not needed: with platform pollers
 * ({@code -Djdk.pollerMode=1}) they re-enter the poller's external queue and starve the new connection the same
 * way. With one heavy connection the queue empties after each response, and the new connection is served.
 * Neither virtual arm can avoid it by how it starts or wakes threads: {@code Thread.start} always submits to an
 * external queue, even from a carrier, and so does an unpark from the platform accept thread (virtual-pooled's
 * hand-off to an idle worker). The server's {@code --cpu-executor} avoids it: the heavy threads wait off the
 * carrier, and the queue empties.
 */
@Timeout(90)
class OneCarrierStarvationTest {

    private static final String HEAVY = "/cpu?work=5000000";
    private static final String LIGHT = "/plaintext";
    /**
     * Two heavy connections starve a new one on a quiet machine (none of 109 heavy responses let it in; answered
     * 1.5 ms after the last, in a run made while writing this test), but only while the carrier's queue never
     * empties, and that hangs on the OS running the clients and the server's poller thread in time. On this 2-CPU
     * machine shared with other builds (load average 12 to 15), two or three heavy connections let the new one in
     * after 3 to 50 heavy responses in about half the runs; eight kept the queue full in every run.
     */
    private static final int HEAVY_CONNECTIONS = 8;
    /**
     * A request not answered while this many heavy responses completed is starved, not slow: the one yardstick for
     * the light requests on an established connection (each answered well within it) and the new connection (not
     * answered within it). A light request usually waited through about one heavy response per heavy connection
     * (the ones queued before it), on the loaded machine at times through up to 44.
     */
    private static final int STARVED_AFTER = 100;
    private static final int LIGHT_REQUESTS = 5;
    /** Far above anything the machine could take for one heavy request: only a dead server trips it. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"virtual", "virtual-pooled"})
    void heavyConnectionsDelayALightRequestAndStarveANewConnectionUntilTheyStop(String arm)
            throws Exception {
        try (ChildServer server = ChildServer.start(arm, 0);
             TestHttp established = TestHttp.connect(server.port)) {
            established.socket().setSoTimeout((int) PATIENCE.toMillis());
            assertEquals(200, established.send(TestHttp.request(LIGHT)).read().status());
            try (HeavyLoad heavy = HeavyLoad.start(server.port, HEAVY_CONNECTIONS)) {
                heavy.awaitSteadyState();
                List<Integer> waitedThrough = new ArrayList<>();
                for (int i = 0; i < LIGHT_REQUESTS; i++) {
                    int before = heavy.responses();
                    assertEquals(200, established.send(TestHttp.request(LIGHT)).read().status());
                    waitedThrough.add(heavy.responses() - before);
                    Thread.sleep(20);
                }
                Figures.record(arm, "one carrier, " + HEAVY_CONNECTIONS + " heavy connections: heavy responses "
                        + "each light request on an established connection waited through", waitedThrough);
                int most = waitedThrough.stream().mapToInt(Integer::intValue).max().orElseThrow();
                assertTrue(most < STARVED_AFTER, "a light request on an established connection was starved: it "
                        + "waited through " + most + " heavy responses: " + waitedThrough);
                assertTrue(most >= 1, "no light request waited for a running heavy one, as if the carrier were "
                        + "time-sliced: " + waitedThrough);

                NewConnection fresh = NewConnection.open(server.port, heavy);
                assertFalse(fresh.answeredWhileHeavyRan, "the new connection was answered after "
                        + fresh.heavyWhileWaiting + " heavy responses, while the heavy load ran");
                assertTrue(fresh.answeredAfterStop, "answered before the heavy load was stopped");
                Figures.record(arm, "one carrier, " + HEAVY_CONNECTIONS + " heavy connections: a new "
                        + "connection's first response",
                        "none during " + fresh.heavyWhileWaiting + " heavy responses; "
                                + Figures.ms(fresh.afterStop) + " after the heavy load stopped");
            }
        }
    }

    @Test
    void theNewConnectionStarvesAsWellWhenThePollersArePlatformThreads() throws Exception {
        try (ChildServer server = ChildServer.start("virtual", 0, "-Djdk.pollerMode=1");
             HeavyLoad heavy = HeavyLoad.start(server.port, HEAVY_CONNECTIONS)) {
            heavy.awaitSteadyState();
            NewConnection fresh = NewConnection.open(server.port, heavy);
            assertFalse(fresh.answeredWhileHeavyRan, "with platform pollers the new connection was answered after "
                    + fresh.heavyWhileWaiting + " heavy responses");
            assertTrue(fresh.answeredAfterStop);
        }
    }

    @Test
    void oneHeavyConnectionLeavesGapsInWhichANewConnectionIsServed() throws Exception {
        try (ChildServer server = ChildServer.start("virtual", 0);
             HeavyLoad heavy = HeavyLoad.start(server.port, 1)) {
            heavy.awaitSteadyState();
            NewConnection fresh = NewConnection.open(server.port, heavy);
            assertTrue(fresh.answeredWhileHeavyRan, "one heavy connection starved a new one through "
                    + fresh.heavyWhileWaiting + " heavy responses");
            Figures.record("virtual", "one carrier, 1 heavy connection: heavy responses a new connection's first "
                    + "response waited through", fresh.heavyWhileWaiting);
        }
    }

    @Test
    void withTheCpuExecutorANewConnectionIsServedWhileTheHeavyConnectionsRun() throws Exception {
        try (ChildServer server = ChildServer.start("virtual", 1);
             HeavyLoad heavy = HeavyLoad.start(server.port, HEAVY_CONNECTIONS)) {
            heavy.awaitSteadyState();
            NewConnection fresh = NewConnection.open(server.port, heavy);
            assertTrue(fresh.answeredWhileHeavyRan, "with --cpu-executor 1 a new connection still waited through "
                    + fresh.heavyWhileWaiting + " heavy responses");
            Figures.record("virtual", "one carrier, " + HEAVY_CONNECTIONS + " heavy connections, --cpu-executor 1: "
                    + "heavy responses a new connection's first response waited through", fresh.heavyWhileWaiting);
        }
    }

    /**
     * A connection opened while the heavy load runs, and what became of its first request: answered before
     * {@link #STARVED_AFTER} heavy responses completed, or only after the load was stopped.
     */
    private record NewConnection(boolean answeredWhileHeavyRan, int heavyWhileWaiting, boolean answeredAfterStop,
                                 Duration afterStop) {

        /** Opens it, waits as said, then stops {@code heavy} and waits for the answer if it has not come. */
        static NewConnection open(int port, HeavyLoad heavy) throws Exception {
            try (TestHttp fresh = TestHttp.connect(port)) {
                fresh.socket().setSoTimeout((int) PATIENCE.toMillis());
                int atConnect = heavy.responses();
                fresh.send(TestHttp.request(LIGHT));
                CompletableFuture<Long> answeredAt = CompletableFuture.supplyAsync(() -> {
                    try {
                        if (fresh.read().status() != 200) {
                            throw new IllegalStateException("the new connection was not answered 200");
                        }
                        return System.nanoTime();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, r -> Thread.ofPlatform().daemon().start(r));
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (!answeredAt.isDone() && heavy.responses() - atConnect < STARVED_AFTER) {
                    if (System.nanoTime() > deadline) {
                        fail("the heavy load made no progress: " + (heavy.responses() - atConnect) + " responses");
                    }
                    Thread.sleep(1);
                }
                boolean whileHeavy = answeredAt.isDone();
                int heavyWhileWaiting = heavy.responses() - atConnect;
                long stoppedAt = heavy.stop();
                long at = answeredAt.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                return new NewConnection(whileHeavy, heavyWhileWaiting, at >= stoppedAt,
                        Duration.ofNanos(Math.max(0, at - stoppedAt)));
            }
        }
    }

    /** Connections that each loop {@link #HEAVY} on a platform thread of their own until stopped. */
    private static final class HeavyLoad implements AutoCloseable {

        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicInteger responses = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();
        private final List<TestHttp> connections = new ArrayList<>();

        static HeavyLoad start(int port, int connections) throws IOException {
            HeavyLoad load = new HeavyLoad();
            for (int i = 0; i < connections; i++) {
                TestHttp c = TestHttp.connect(port);
                c.socket().setSoTimeout((int) PATIENCE.toMillis());
                load.connections.add(c);
            }
            for (TestHttp c : load.connections) {
                load.threads.add(Thread.ofPlatform().daemon().name("heavy-client").start(() -> load.loop(c)));
            }
            return load;
        }

        private void loop(TestHttp c) {
            try {
                while (!stopping.get()) {
                    if (c.send(TestHttp.request(HEAVY)).read().status() != 200) {
                        throw new IllegalStateException("a heavy request was not answered 200");
                    }
                    responses.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                if (!stopping.get()) {
                    failure.set(e);
                }
            }
        }

        int responses() {
            return responses.get();
        }

        /**
         * Until each connection has been answered a few times. Before that some heavy threads are still on their
         * first run, submitted by the accept thread to the queue a new connection's thread goes to; a run with
         * platform pollers that waited for only one response per connection let the new connection in once in
         * three, one that waited for five per connection in none of three.
         */
        void awaitSteadyState() throws InterruptedException {
            awaitResponses(5 * threads.size());
        }

        private void awaitResponses(int n) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (responses.get() < n) {
                if (failure.get() != null || System.nanoTime() > deadline) {
                    fail("the heavy load did not get going: " + responses.get() + " responses, " + failure.get());
                }
                Thread.sleep(1);
            }
        }

        /** Sends no more requests; returns when the signal was given, once the ones in flight are answered. */
        long stop() throws InterruptedException {
            long at = System.nanoTime();
            stopping.set(true);
            for (Thread t : threads) {
                t.join(PATIENCE);
            }
            if (failure.get() != null) {
                fail("a heavy connection failed", failure.get());
            }
            return at;
        }

        @Override
        public void close() throws Exception {
            stopping.set(true);
            for (TestHttp c : connections) {
                c.close();
            }
            for (Thread t : threads) {
                t.join(PATIENCE);
            }
        }
    }

    /** The arm in a child JVM with one carrier; closing it closes the child's input, which ends it. */
    private static final class ChildServer implements AutoCloseable {

        private final Process process;
        final int port;

        private ChildServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static ChildServer start(String arm, int cpuExecutorThreads, String... extraFlags) throws Exception {
            Path log = Path.of("target", "one-carrier-" + arm + "-" + cpuExecutorThreads
                    + String.join("", extraFlags).replaceAll("[^A-Za-z0-9=]", "") + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                    "-Djdk.virtualThreadScheduler.parallelism=1"));
            command.addAll(List.of(extraFlags));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    OneCarrierServerMain.class.getName(), arm, String.valueOf(cpuExecutorThreads)));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String ready = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                if (ready == null || !ready.startsWith("port ")) {
                    throw new IllegalStateException("the child server did not start (see " + log + "): " + ready);
                }
                return new ChildServer(process, Integer.parseInt(ready.substring("port ".length()).trim()));
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
