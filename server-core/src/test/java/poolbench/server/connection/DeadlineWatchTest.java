package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.ServerConfig;
import poolbench.server.stats.ServerStats;
import poolbench.server.testing.TestHttp;

/**
 * A loop joins the sweeper's watch once, when it is made, and leaves it when closed; in between the sweeper enforces
 * the deadlines of whichever connection the loop is serving, as a pooled worker's loop serves one after another.
 */
@Timeout(30)
class DeadlineWatchTest {

    private static final Duration IDLE = Duration.ofMillis(200);
    private static final ServerConfig CONFIG =
            ServerConfig.ephemeral().withTimeouts(Duration.ofSeconds(10), IDLE);

    /** Serves the next connection {@code listener} accepts with {@code loop}, on a thread of its own. */
    private static CompletableFuture<Void> serveNext(ServerSocket listener, ConnectionLoop loop) {
        CompletableFuture<Void> served = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Socket accepted = listener.accept();
                loop.serve(accepted);
                served.complete(null);
            } catch (IOException | RuntimeException e) {
                served.completeExceptionally(e);
            }
        });
        return served;
    }

    @Test
    void oneLoopServingConnectionsInTurnIsWatchedOnceAndEachIdleConnectionIsClosed() throws Exception {
        ServerStats stats = new ServerStats();
        try (DeadlineSweeper sweeper = new DeadlineSweeper(CONFIG, stats, "deadline-sweeper-watch-test");
             ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            ConnectionLoop loop = new ConnectionLoop(CONFIG, stats, sweeper);
            assertEquals(1, sweeper.loopsWatched(), "watched from the start, before any connection");
            for (int i = 0; i < 3; i++) {
                CompletableFuture<Void> served = serveNext(listener, loop);
                try (TestHttp c = TestHttp.connect(listener.getLocalPort())) {
                    assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
                    assertEquals(1, sweeper.loopsWatched(), "connection " + i + " added no watch");
                    long t0 = System.nanoTime();
                    assertTrue(c.closedByPeer(), "connection " + i + " was not closed when idle");
                    Duration after = Duration.ofNanos(System.nanoTime() - t0);
                    assertTrue(after.compareTo(IDLE.minusMillis(50)) >= 0, "closed too early: " + after);
                }
                served.get(5, TimeUnit.SECONDS);
                assertEquals(1, sweeper.loopsWatched(), "the watch outlives connection " + i);
            }
            loop.close();
            assertEquals(0, sweeper.loopsWatched(), "a closed loop leaves the watch");
        }
    }
}
