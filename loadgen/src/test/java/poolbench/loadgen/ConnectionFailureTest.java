package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broken servers: each failure is counted under its kind, and the run still ends by duration + timeout. */
class ConnectionFailureTest {

    private static final Duration DURATION = Duration.ofMillis(800);
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Duration + timeout, plus slack for a busy machine: a bound on hanging, not a speed. */
    private static final long BOUND_NANOS = DURATION.plus(TIMEOUT).plusSeconds(3).toNanos();

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void refusedConnectionsAreCountedAsConnectErrors() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        LoadResult result = runBounded("http://127.0.0.1:" + port + "/");

        assertTrue(result.errors().connect() > 2, "connect errors " + result.errors().connect());
        assertEquals(0, result.requests());
        assertEquals(0, result.sent());
        assertEquals(0, result.errors().lostRequests());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void resetConnectionsAreCountedAsReadOrWriteErrors() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        s.setSoLinger(true, 0);
                        s.close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            LoadResult result = runBounded("http://127.0.0.1:" + server.getLocalPort() + "/");

            LoadResult.Errors e = result.errors();
            assertTrue(e.read() + e.write() > 0, "no read or write error: " + e);
            assertEquals(0, result.requests());
            assertEquals(0, e.timeout() + e.parse());
            assertEquals(result.sent(), e.read() + e.write());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void unansweredRequestsTimeOutAndTheirConnectionsAreReopened() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            LoadResult result = runBounded("http://127.0.0.1:" + server.getLocalPort() + "/");

            // 2 connections, each timing out every 300 ms of an 800 ms run, and the last ones at the drain deadline.
            assertTrue(result.errors().timeout() >= 4, "timeouts " + result.errors().timeout());
            assertEquals(result.sent(), result.errors().timeout());
            assertEquals(0, result.requests());
            assertTrue(accepted.size() >= 4, "timed-out connections were not reopened: " + accepted.size());
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static LoadResult runBounded(String url) throws InterruptedException {
        LoadConfig config = LoadConfig.defaults(url).withConnections(2).withThreads(1)
                .withDuration(DURATION).withTimeout(TIMEOUT);
        long start = System.nanoTime();
        LoadResult result = LoadGenerator.run(config);
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < BOUND_NANOS, "run took " + elapsed / 1_000_000 + " ms");
        return result;
    }
}
