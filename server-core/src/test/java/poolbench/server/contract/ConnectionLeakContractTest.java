package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.testing.Figures;
import poolbench.server.testing.LongRun;
import poolbench.server.testing.Poll;
import poolbench.server.testing.ProcessGauges;
import poolbench.server.testing.ShortConnections;
import poolbench.server.testing.TestHttp;

/**
 * What a connection leaves behind on every arm: nothing. After many short connections (2,000; 100,000 with
 * {@code -Dpoolbench.long=true}) threads and file descriptors are back at their baseline; closing the server
 * ends every thread it started within a second, and so does a start that fails. {@link ArmSuite} runs it on
 * every arm.
 */
@Timeout(300)
public abstract class ConnectionLeakContractTest extends ArmFixture {

    private static final int CONNECTIONS = LongRun.pick(2_000, 100_000);
    private static final int CLIENTS = 4;
    /** A few descriptors or threads come and go on their own in a JVM (class loading, JIT, the test's own lists). */
    private static final int SLACK = 3;
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** Short, so that pooled workers left idle by the load are reaped within the settle time. */
    private static final ArmOptions OPTIONS = ArmOptions.DEFAULTS.withMaxIdleWorkerDuration(Duration.ofMillis(200));

    protected ConnectionLeakContractTest(ArmSuite suite) {
        super(suite);
    }

    @Test
    void threadsAndFileDescriptorsReturnToTheirBaselineAfterManyConnections() throws Exception {
        HttpServer server = start(ServerConfig.ephemeral(), OPTIONS);
        // Warm up first: the JDK starts some threads and opens some files lazily, on the first connections.
        assertEquals(200, ShortConnections.run(server.port(), 200, CLIENTS).ok());
        settle(server);
        int threadsBefore = ProcessGauges.platformThreads();
        int fdsBefore = ProcessGauges.openFileDescriptors();
        long heapBefore = ProcessGauges.heapUsedAfterGc();

        ShortConnections.Outcome load = ShortConnections.run(server.port(), CONNECTIONS, CLIENTS);

        assertEquals(List.of(), load.failures(), "failed connections");
        assertEquals(CONNECTIONS, load.ok());
        Duration settled = settle(server);
        Duration threadsBack = Poll.until(SETTLE, () -> ProcessGauges.platformThreads() <= threadsBefore + SLACK,
                () -> "threads back to " + threadsBefore + "; now " + ProcessGauges.platformThreads());
        Duration fdsBack = Poll.until(SETTLE, () -> ProcessGauges.openFileDescriptors() <= fdsBefore + SLACK,
                () -> "descriptors back to " + fdsBefore + "; now " + ProcessGauges.openFileDescriptors());
        long heapAfter = ProcessGauges.heapUsedAfterGc();
        DispatcherStats workers = server.dispatcherStats();
        Figures.record(armName(), "leak: connections, time, workers started/peak/reaped",
                CONNECTIONS + " in " + load.took().toMillis() + " ms, " + workers.workersStarted() + "/"
                        + workers.workersPeak() + "/" + workers.workersReaped());
        Figures.record(armName(), "leak: platform threads before -> after",
                threadsBefore + " -> " + ProcessGauges.platformThreads() + " (settled in "
                        + Math.max(settled.toMillis(), threadsBack.toMillis()) + " ms)");
        Figures.record(armName(), "leak: open fds before -> after",
                fdsBefore + " -> " + ProcessGauges.openFileDescriptors() + " (settled in " + fdsBack.toMillis()
                        + " ms)");
        Figures.record(armName(), "leak: heap after GC before -> after (MB)",
                heapBefore / (1 << 20) + " -> " + heapAfter / (1 << 20));
        assertTrue(heapAfter < heapBefore + (32L << 20), "heap grew from " + heapBefore + " to " + heapAfter);
    }

    @Test
    void closingTheServerEndsEveryThreadItStartedWithinOneSecond() throws Exception {
        Set<Thread> before = ProcessGauges.livePlatformThreads();
        int fdsBefore = ProcessGauges.openFileDescriptors();
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        List<Socket> open = new ArrayList<>();
        try {
            // Eight connections held open, busy in a read; four more served and gone, so a pool has idle workers.
            for (int i = 0; i < 8; i++) {
                TestHttp c = TestHttp.connect(server.port());
                assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
                open.add(c.socket());
            }
            assertEquals(4, ShortConnections.run(server.port(), 4, 4).ok());
            long t0 = System.nanoTime();
            server.close();
            Duration ended = Poll.until(Duration.ofSeconds(1),
                    () -> server.dispatcherStats().workersAlive() == 0
                            && ProcessGauges.startedSince(before).isEmpty(),
                    () -> "workers alive " + server.dispatcherStats().workersAlive() + ", threads left "
                            + ProcessGauges.startedSince(before));
            Figures.record(armName(), "close: every worker and server thread ended after",
                    Figures.ms(Duration.ofNanos(System.nanoTime() - t0)) + " (polled " + Figures.ms(ended) + ")");
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
        Poll.until(SETTLE, () -> ProcessGauges.openFileDescriptors() <= fdsBefore + SLACK,
                () -> "descriptors back to " + fdsBefore + " after close; now " + ProcessGauges.openFileDescriptors());
    }

    @Test
    void aServerThatFailsToStartLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = ProcessGauges.livePlatformThreads();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The admin port is taken, so the start fails after the arm's dispatcher and the watchdog are made.
            ServerConfig config = ServerConfig.ephemeral().withPorts(0, taken.getLocalPort());
            assertThrows(IOException.class, () -> HttpServer.start(config, arm(), OPTIONS));
        }
        Poll.until(Duration.ofSeconds(1), () -> ProcessGauges.startedSince(before).isEmpty(),
                () -> "threads left by the failed start: " + ProcessGauges.startedSince(before));
    }

    /** Waits until the arm has no worker alive and the server no connection open. */
    private static Duration settle(HttpServer server) {
        return Poll.until(SETTLE, () -> server.dispatcherStats().workersAlive() == 0
                        && server.serverStats().connectionsOpen() == 0,
                () -> "workers alive " + server.dispatcherStats().workersAlive() + ", connections open "
                        + server.serverStats().connectionsOpen());
    }
}
