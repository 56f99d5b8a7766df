package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import poolbench.server.accept.ServerConfig;
import poolbench.server.http.HttpInputs;
import poolbench.server.stats.ServerStats;
import poolbench.server.testing.LongRunTries;
import poolbench.server.testing.ResponseStream;

/**
 * The same fuzzed inputs sent over a real loopback socket to one {@link ConnectionLoop}, which serves every case
 * in turn with the same worker-owned buffers, as a pooled worker would. The client sends the input, half-closes,
 * and reads to the end: what arrives must be well-formed HTTP/1.1 responses with statuses the server knows, a
 * response that says {@code Connection: close} must be the last, and the loop must finish within seconds with no
 * exception but a benign I/O one.
 */
class ConnectionLoopFuzzTest {

    private static final ServerConfig CONFIG =
            ServerConfig.ephemeral().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private static final int CLIENT_TIMEOUT_MILLIS = 5_000;

    private static ServerSocket listener;
    private static ExecutorService worker;
    private static ConnectionLoop loop;

    @BeforeContainer
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("fuzz-worker").unstarted(r));
        loop = new ConnectionLoop(CONFIG, new ServerStats(), null);
    }

    @AfterContainer
    static void stop() throws IOException {
        worker.shutdownNow();
        listener.close();
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        // An answer to HEAD has a Content-Length but no body, which a reader that does not know the requests cannot
        // tell apart; HEAD on a connection has tests of its own.
        return HttpInputs.anyInput().filter(b -> !new String(b, StandardCharsets.ISO_8859_1).contains("HEAD"));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    @LongRunTries(10_000)
    void everyInputIsAnsweredWithWellFormedResponsesOrAClose(@ForAll("inputs") byte[] input) throws Exception {
        try (Socket client = new Socket()) {
            client.connect(listener.getLocalSocketAddress(), CLIENT_TIMEOUT_MILLIS);
            client.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            Socket accepted = listener.accept();
            accepted.setTcpNoDelay(true);
            Future<?> served = worker.submit(() -> {
                loop.serve(accepted);
                return null;
            });
            boolean sentAll = send(client, input);
            Wire wire = readToEnd(client);
            Throwable failure = outcome(served);
            if (failure != null && !(failure instanceof IOException && ConnectionErrors.isBenign(failure))) {
                fail("the loop threw on " + HttpInputs.show(input), failure);
            }
            ResponseStream.Parsed parsed = ResponseStream.parse(wire.bytes());
            List<ResponseStream.Response> responses = parsed.responses();
            Statistics.label("responses").collect(responses.size());
            Statistics.label("end").collect(wire.reset() ? "reset" : sentAll ? "close" : "close before all was sent");
            // A reset (the server closed with input unread) may drop what was in flight; a clean close may not.
            assertTrue(!parsed.truncated() || wire.reset(), () -> "a response cut short on a clean close: "
                    + HttpInputs.show(input));
            for (int i = 0; i < responses.size() - 1; i++) {
                assertFalse(responses.get(i).closes(), "a response said close but more followed");
            }
        }
    }

    private static boolean send(Socket client, byte[] input) {
        try {
            client.getOutputStream().write(input);
            client.shutdownOutput();
            return true;
        } catch (IOException e) {
            // The server may answer and close before the whole input is in, e.g. a 431 on a huge head.
            return false;
        }
    }

    private record Wire(byte[] bytes, boolean reset) {
    }

    private static Wire readToEnd(Socket client) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = client.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within " + CLIENT_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            return new Wire(got.toByteArray(), true);
        }
        return new Wire(got.toByteArray(), false);
    }

    /** What the loop ended with: null, or what it threw. It must end within the client's patience. */
    private static Throwable outcome(Future<?> served) throws InterruptedException {
        try {
            served.get(CLIENT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the connection loop did not finish");
        }
    }
}
