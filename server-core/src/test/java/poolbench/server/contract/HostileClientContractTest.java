package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.connection.TimeoutMode;
import poolbench.server.spi.ArmOptions;
import poolbench.server.testing.Figures;
import poolbench.server.testing.Poll;
import poolbench.server.testing.ResponseReader;
import poolbench.server.testing.SteadyClient;
import poolbench.server.testing.TestHttp;

/**
 * What every arm must survive from clients that misbehave over loopback: each is closed within its timeout, and a
 * well-behaved client beside it is answered 200 throughout. {@link ArmSuite} runs it on every arm.
 *
 * <p>The read and write timeouts are half a second so that the contract runs in seconds; the server's defaults
 * are 10 s. The figures each test measured go to {@link Figures}.
 */
@Timeout(60)
public abstract class HostileClientContractTest extends ArmFixture {

    /** How much later than its timeout a connection may close on a busy two-core machine. */
    protected static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(500);

    private HttpServer startWithShortTimeouts() throws IOException {
        return start(ServerConfig.ephemeral().withTimeouts(READ_TIMEOUT, IDLE_TIMEOUT).withWriteTimeout(WRITE_TIMEOUT),
                ArmOptions.DEFAULTS);
    }

    protected HostileClientContractTest(ArmSuite suite) {
        super(suite);
    }

    @Test
    void aSlowlorisClientIsClosedWithinTheReadTimeout() throws Exception {
        HttpServer server = startWithShortTimeouts();
        try (SteadyClient steady = SteadyClient.start(server.port());
             Socket slow = connect(server.port())) {
            long t0 = System.nanoTime();
            CompletableFuture<Integer> trickled = Trickle.start(slow, READ_TIMEOUT.dividedBy(4));
            TestHttp.Response r = readResponse(slow);
            Duration closedAfter = untilClosed(slow, t0);
            int sent = trickled.get(10, TimeUnit.SECONDS);
            assertEquals(408, r.status());
            assertTrue(sent >= 3, "only " + sent + " bytes trickled before the close");
            assertWithin(READ_TIMEOUT, closedAfter, "the slowloris client");
            assertEquals(1, server.serverStats().requestsTimedOut());
            Figures.record(armName(), "slowloris (a byte per 125 ms, read timeout 500 ms): closed after, bytes",
                    Figures.ms(closedAfter) + ", " + sent + " bytes");
            steady.assertServedThroughout(5);
        }
    }

    @Test
    void aClientThatConnectsAndSendsNothingIsClosedWithinTheReadTimeout() throws Exception {
        HttpServer server = startWithShortTimeouts();
        try (SteadyClient steady = SteadyClient.start(server.port());
             Socket silent = connect(server.port())) {
            Duration closedAfter = assertAnswered408AndClosedInTime(silent, "the silent client");
            Figures.record(armName(), "silent client (read timeout 500 ms): closed after", Figures.ms(closedAfter));
            steady.assertServedThroughout(5);
        }
    }

    @Test
    void theSocketTimeoutAblationClosesASilentClientWithinTheReadTimeoutToo() throws Exception {
        HttpServer server = start(ServerConfig.ephemeral().withTimeouts(READ_TIMEOUT, IDLE_TIMEOUT)
                .withWriteTimeout(WRITE_TIMEOUT).withTimeoutMode(TimeoutMode.SOCKET), ArmOptions.DEFAULTS);
        try (Socket silent = connect(server.port())) {
            assertAnswered408AndClosedInTime(silent, "the silent client (--timeouts socket)");
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedWithinTheWriteTimeout() throws Exception {
        HttpServer server = startWithShortTimeouts();
        try (SteadyClient steady = SteadyClient.start(server.port());
             Socket greedy = new Socket()) {
            // A small receive window fills after a few responses, so the server's writes block soon.
            greedy.setReceiveBufferSize(4096);
            greedy.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            PipelineFlood flood = PipelineFlood.start(greedy);
            PipelineFlood.Result result = flood.result().get(WRITE_TIMEOUT.plus(SLACK).toSeconds() + 20,
                    TimeUnit.SECONDS);
            assertTrue(result.closedByServer(), "the flood ended without the server closing: " + result);
            // The watchdog closes the socket, then counts: the client may see the close a moment before the count.
            Poll.until(Duration.ofSeconds(1), () -> server.serverStats().writesTimedOut() >= 1,
                    () -> "no write timed out");
            assertEquals(1, server.serverStats().writesTimedOut(), "writes timed out");
            assertWithin(WRITE_TIMEOUT, result.lastWriteBlocked(), "the client that never reads");
            Figures.record(armName(), "never-reading client (write timeout 500 ms): requests sent, last write blocked",
                    result.requestsSent() + " requests, " + Figures.ms(result.lastWriteBlocked()));
            steady.assertServedThroughout(5);
        }
    }

    @Test
    void aHalfClosedClientGetsItsResponseThenTheServerCloses() throws Exception {
        HttpServer server = startWithShortTimeouts();
        try (SteadyClient steady = SteadyClient.start(server.port());
             Socket half = connect(server.port())) {
            half.getOutputStream().write(TestHttp.request("/json").getBytes(StandardCharsets.US_ASCII));
            half.shutdownOutput();
            long t0 = System.nanoTime();
            TestHttp.Response r = readResponse(half);
            Duration closedAfter = untilClosed(half, t0);
            assertEquals(200, r.status());
            assertEquals("{\"message\":\"Hello, World!\"}", r.body());
            // It closes on the end of input, not on a timeout.
            assertTrue(closedAfter.compareTo(READ_TIMEOUT) < 0, "closed after " + closedAfter.toMillis() + " ms");
            Figures.record(armName(), "half-closed client: answered, then closed after", Figures.ms(closedAfter));
            steady.assertServedThroughout(1);
        }
    }

    @Test
    void aClientThatResetsMidRequestIsForgottenAtOnce() throws Exception {
        HttpServer server = start(ServerConfig.ephemeral().withTimeouts(Duration.ofSeconds(10), IDLE_TIMEOUT)
                .withWriteTimeout(WRITE_TIMEOUT), ArmOptions.DEFAULTS);
        try (SteadyClient steady = SteadyClient.start(server.port())) {
            Socket resetter = connect(server.port());
            resetter.getOutputStream().write("GET /plaintext HTTP/1.1\r\nHost: te".getBytes(StandardCharsets.US_ASCII));
            Poll.until(Duration.ofSeconds(5), () -> server.serverStats().connectionsOpen() == 2,
                    () -> "both connections open");
            resetter.setSoLinger(true, 0);
            long t0 = System.nanoTime();
            resetter.close();
            // Forgotten on the reset itself: long before its 10 s read timeout.
            Duration forgotten = Poll.until(Duration.ofSeconds(2), () -> server.serverStats().connectionsOpen() == 1,
                    () -> "the reset connection to be closed; open: " + server.serverStats().connectionsOpen());
            assertEquals(0, server.serverStats().requestsTimedOut());
            Figures.record(armName(), "reset mid-request (read timeout 10 s): forgotten after",
                    Figures.ms(forgotten));
            steady.assertServedThroughout(1);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout((int) READ_TIMEOUT.plus(SLACK).plus(SLACK).toMillis());
        return s;
    }

    private static TestHttp.Response readResponse(Socket s) throws IOException {
        return ResponseReader.read(s.getInputStream());
    }

    /** How long after {@code t0} the server's end of {@code s} closed: the next read sees the end or a reset. */
    /** A client that sends nothing is answered 408 and closed within the read timeout; returns how soon. */
    private static Duration assertAnswered408AndClosedInTime(Socket silent, String who) throws IOException {
        long t0 = System.nanoTime();
        TestHttp.Response r = readResponse(silent);
        Duration closedAfter = untilClosed(silent, t0);
        assertEquals(408, r.status());
        assertWithin(READ_TIMEOUT, closedAfter, who);
        return closedAfter;
    }

    private static Duration untilClosed(Socket s, long t0) throws IOException {
        try {
            int b = s.getInputStream().read();
            if (b >= 0) {
                throw new AssertionError("more bytes after the response");
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server never closed", e);
        } catch (IOException reset) {
            // A reset is a close too.
        }
        return elapsed(t0);
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static void assertWithin(Duration timeout, Duration took, String who) {
        assertTrue(took.compareTo(timeout.plus(SLACK)) <= 0, () -> who + " was closed after " + took.toMillis()
                + " ms; its timeout is " + timeout.toMillis() + " ms");
    }

    /** A client that sends a request head a byte at a time, each byte well within the read timeout. */
    static final class Trickle {

        private static final byte[] HEAD = ("GET /plaintext HTTP/1.1\r\nHost: test\r\nX-Slow: "
                + "abcdefghijklmnopqrstuvwxyz".repeat(4) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        /** Trickles until the server closes (or the head, never sent whole, runs out); completes with bytes sent. */
        static CompletableFuture<Integer> start(Socket socket, Duration pause) {
            CompletableFuture<Integer> sent = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("slowloris").start(() -> {
                int n = 0;
                try {
                    OutputStream out = socket.getOutputStream();
                    while (n < HEAD.length - 1 && !socket.isClosed()) {
                        out.write(HEAD[n++]);
                        out.flush();
                        Thread.sleep(pause);
                    }
                } catch (IOException closed) {
                    // The server closed the connection: the end this client was waiting for.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sent.complete(n);
            });
            return sent;
        }
    }

    /** The end of a flood of pipelined requests whose responses are never read. */
    static final class PipelineFlood {

        private static final int BATCH = 256;
        private static final int MAX_REQUESTS = 2_000_000;

        record Result(boolean closedByServer, long requestsSent, Duration lastWriteBlocked) {
        }

        private final CompletableFuture<Result> result = new CompletableFuture<>();

        static PipelineFlood start(Socket socket) {
            PipelineFlood flood = new PipelineFlood();
            Thread.ofPlatform().daemon().name("pipeline-flood").start(() -> flood.run(socket));
            return flood;
        }

        CompletableFuture<Result> result() {
            return result;
        }

        private void run(Socket socket) {
            byte[] batch = TestHttp.request("/plaintext").repeat(BATCH).getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            long writeStarted = System.nanoTime();
            try {
                OutputStream out = socket.getOutputStream();
                while (sent < MAX_REQUESTS) {
                    writeStarted = System.nanoTime();
                    out.write(batch);
                    sent += BATCH;
                }
                result.complete(new Result(false, sent, elapsed(writeStarted)));
            } catch (IOException closed) {
                result.complete(new Result(true, sent, elapsed(writeStarted)));
            }
        }
    }
}
