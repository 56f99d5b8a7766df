package poolbench.server.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import poolbench.server.accept.AcceptBackoff;
import poolbench.server.accept.DescriptorReserve;

/**
 * {@code GET /stats} (and {@code HEAD}) on the admin port: the current {@link StatsSnapshot} as JSON, one exchange
 * per connection, away from the arm under test.
 *
 * <p>A tiny blocking server of its own rather than the JDK's {@code HttpServer}, whose dispatcher thread spun at a
 * whole core while the process was out of descriptors and whose single handler thread one half-sent request held
 * for over a minute. Here {@value #HANDLERS} platform threads each accept and answer in turn; a request must arrive
 * whole within {@link #REQUEST_TIMEOUT}, so a stalled client holds one of them that long at most. When an accept
 * fails for want of descriptors, a thread accepts into the {@link DescriptorReserve}, so the sampler
 * is answered throughout an exhaustion; any other failure backs off as the arm's accept loop does.
 */
public final class StatsEndpoint implements AutoCloseable {

    static final int HANDLERS = 2;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long an accept waits before looking at {@link #closed} again ({@link #close} also wakes it, by closing the
     * listener). Each wake costs a {@code SocketTimeoutException} with its stack trace: at 250 ms the two handlers of
     * an idle server took 1.4 ms of CPU a second, measured with {@code /proc/<pid>/task/<tid>/schedstat}. In a
     * comparison's first launch the waiting arms idle beside the one measured, and seven such servers came near the
     * gate's 3% of the server CPU by themselves.
     */
    private static final int ACCEPT_WAKE_MILLIS = 1000;
    private static final int MAX_HEAD_BYTES = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger("poolbench.server");

    private final ServerSocket listener;
    private final Supplier<StatsSnapshot> stats;
    /** Made here, not on first use: a lambda's class is spun when first needed, which may be mid-exhaustion. */
    private final Consumer<Socket> answer = this::answer;
    private final DescriptorReserve reserve = DescriptorReserve.PROCESS;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /** Serves {@code stats} on {@code host:port} (0: any free port) until closed. */
    public StatsEndpoint(String host, int port, Supplier<StatsSnapshot> stats) throws IOException {
        this.stats = stats;
        listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 16);
            listener.setSoTimeout(ACCEPT_WAKE_MILLIS);
            // Loads Jackson's serializers, the MX beans and /proc reading now, not during an exhaustion.
            JSON.writeValueAsBytes(stats.get());
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        for (int i = 0; i < HANDLERS; i++) {
            AcceptBackoff backoff = new AcceptBackoff(LOG, "stats accept");
            Thread t = Thread.ofPlatform().daemon().name("admin-stats-" + i).unstarted(() -> acceptLoop(backoff));
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void acceptLoop(AcceptBackoff backoff) {
        while (!closed) {
            try {
                Socket connection = listener.accept();
                backoff.succeeded();
                answer(connection);
            } catch (SocketTimeoutException e) {
                // Nothing arrived: look at closed again.
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                if (!answerFromReserve()) {
                    backoff.failed(e);
                }
            }
        }
    }

    /** Out of descriptors, or so it seems: answers one connection from the process's descriptor reserve. */
    private boolean answerFromReserve() {
        try {
            return reserve.answerOne(listener, answer);
        } catch (Throwable e) {
            return false;
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
            byte[] head = new byte[MAX_HEAD_BYTES];
            int n = readHead(connection, head, deadline);
            OutputStream out = connection.getOutputStream();
            if (n < 0) {
                respond(out, n == -2 ? "431 Request Header Fields Too Large" : "400 Bad Request", null, false);
                return;
            }
            String line = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            String[] parts = line.split(" ", 3);
            boolean isHead = parts[0].equals("HEAD");
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                respond(out, "400 Bad Request", null, false);
            } else if (!parts[1].equals("/stats") && !parts[1].startsWith("/stats?")) {
                respond(out, "404 Not Found", null, isHead);
            } else if (!isHead && !parts[0].equals("GET")) {
                respond(out, "405 Method Not Allowed", null, false);
            } else {
                respond(out, "200 OK", JSON.writeValueAsBytes(stats.get()), isHead);
            }
        } catch (IOException | RuntimeException e) {
            // A client that went away or stalled past the timeout: nothing to answer.
        }
    }

    /**
     * Reads until the end of the head and returns the request line's length; -1 for a malformed head, -2 for one
     * too long. Throws {@link SocketTimeoutException} when the head has not arrived by {@code deadline}.
     */
    private static int readHead(Socket connection, byte[] buf, long deadline) throws IOException {
        InputStream in = connection.getInputStream();
        int len = 0;
        while (true) {
            for (int i = 3; i < len; i++) {
                if (buf[i - 3] == '\r' && buf[i - 2] == '\n' && buf[i - 1] == '\r' && buf[i] == '\n') {
                    for (int j = 0; j < len; j++) {
                        if (buf[j] == '\r') {
                            return j;
                        }
                    }
                }
            }
            if (len == buf.length) {
                return -2;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("request head not complete within " + REQUEST_TIMEOUT);
            }
            connection.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                return -1;
            }
            len += n;
        }
    }

    private static void respond(OutputStream out, String status, byte[] body, boolean headOnly) throws IOException {
        byte[] content = body != null ? body : status.substring(4).getBytes(StandardCharsets.US_ASCII);
        String type = body != null ? "application/json" : "text/plain";
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + content.length
                + (status.startsWith("405") ? "\r\nAllow: GET, HEAD" : "") + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(content);
        }
        out.flush();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting; a request being answered is cut off; returns once the threads have ended. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing our own listener does not fail in practice.
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
