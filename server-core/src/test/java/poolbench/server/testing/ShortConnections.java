package poolbench.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens many short connections, each one {@code GET /plaintext} with {@code Connection: close}, from a few
 * platform threads that have all ended when {@link #run} returns, so that they never count as the server's.
 */
public final class ShortConnections {

    private static final byte[] REQUEST = "GET /plaintext HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** How it went: 200s, anything else (at most the first few, described), and how long it took. */
    public record Outcome(long ok, List<String> failures, Duration took) {
    }

    private ShortConnections() {
    }

    public static Outcome run(int port, int total, int parallelism) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < parallelism; i++) {
            clients.add(Thread.ofPlatform().name("short-connections-" + i).start(() -> {
                while (next.getAndIncrement() < total) {
                    String failure = once(port);
                    if (failure == null) {
                        ok.incrementAndGet();
                    } else if (failures.size() < 10) {
                        failures.add(failure);
                    }
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        return new Outcome(ok.get(), List.copyOf(failures), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** One connection; null when it was answered 200 and then closed by the server, else what went wrong. */
    private static String once(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(REQUEST);
            TestHttp.Response r = ResponseReader.read(s.getInputStream());
            if (r.status() != 200) {
                return "status " + r.status();
            }
            return s.getInputStream().read() < 0 ? null : "bytes after a Connection: close response";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
