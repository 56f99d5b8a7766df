package poolbench.server.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.http.ResponseWriter;

/** The /downstream client against a scripted backend on a loopback socket: what it reuses, retries and refuses. */
@Timeout(20)
class DownstreamClientTest {

    /** A backend that answers each request on a connection with the next of {@code answers}, then closes. */
    private static final class ScriptedBackend implements AutoCloseable {
        final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;

        ScriptedBackend(int answersPerConnection, String... answers) throws IOException {
            thread = Thread.ofPlatform().daemon().start(() -> {
                int next = 0;
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        for (int i = 0; i < answersPerConnection && next < answers.length; i++) {
                            requests.add(readHead(in));
                            out.write(answers[next++].getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String body(DownstreamClient c, int len) {
        return new String(c.body, 0, len, StandardCharsets.US_ASCII);
    }

    @Test
    void oneKeptAliveConnectionServesEveryCall() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(3, ok("one"), ok("two"), ok("three"));
             DownstreamClient client = new DownstreamClient(backend.address(), Duration.ofSeconds(2))) {
            assertEquals("one", body(client, client.call(5)));
            assertEquals("two", body(client, client.call(0)));
            assertEquals("three", body(client, client.call(60_000)));
            assertEquals(1, backend.accepted.get());
            assertTrue(backend.requests.get(0).startsWith("GET /sleep?ms=5 HTTP/1.1\r\nHost: 127.0.0.1:"),
                    backend.requests.get(0));
            assertTrue(backend.requests.get(2).startsWith("GET /sleep?ms=60000 "), backend.requests.get(2));
        }
    }

    @Test
    void aConnectionTheBackendClosedWhileIdleIsReplacedOnceWithoutAnError() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(1, ok("first"), ok("second"));
             DownstreamClient client = new DownstreamClient(backend.address(), Duration.ofSeconds(2))) {
            assertEquals("first", body(client, client.call(0)));
            Thread.sleep(50);
            assertEquals("second", body(client, client.call(0)));
            assertEquals(2, backend.accepted.get());
        }
    }

    @Test
    void aBackendThatSaysCloseIsNotReused() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedBackend backend = new ScriptedBackend(1, closing, ok("again"));
             DownstreamClient client = new DownstreamClient(backend.address(), Duration.ofSeconds(2))) {
            assertEquals("ok", body(client, client.call(0)));
            assertTrue(!client.connected(), "closed after Connection: close");
            assertEquals("again", body(client, client.call(0)));
        }
    }

    @Test
    void anErrorStatusAChunkedBodyOrGarbageIsABadGateway() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(1,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
                "SSH-2.0-OpenSSH\r\n\r\n");
             DownstreamClient client = new DownstreamClient(backend.address(), Duration.ofSeconds(2))) {
            var status = assertThrows(DownstreamClient.Failure.class, () -> client.call(0));
            assertEquals(ResponseWriter.Status.BAD_GATEWAY, status.status);
            assertEquals("backend answered 500", status.getMessage());
            var chunked = assertThrows(DownstreamClient.Failure.class, () -> client.call(0));
            assertTrue(chunked.getMessage().contains("Content-Length"), chunked.getMessage());
            var garbage = assertThrows(DownstreamClient.Failure.class, () -> client.call(0));
            assertEquals("backend's answer is not HTTP/1.x", garbage.getMessage());
        }
    }

    @Test
    void aRefusedConnectionIsABadGatewayAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DownstreamClient client = new DownstreamClient(new InetSocketAddress("127.0.0.1", port),
                Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            var refused = assertThrows(DownstreamClient.Failure.class, () -> client.call(0));
            assertEquals(ResponseWriter.Status.BAD_GATEWAY, refused.status);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000);
        }
    }
}
