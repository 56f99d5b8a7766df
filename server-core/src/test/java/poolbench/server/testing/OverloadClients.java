package poolbench.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Far more clients than the server's cap, each on its own platform thread, for a fixed time: connect, ask
 * {@code /sleep?ms=5} three times over keep-alive (so that a served connection holds its worker a while), close;
 * after a 503 or a refused connection, back off 10 ms and try again, as a polite client would.
 */
public final class OverloadClients {

    private static final byte[] REQUEST = "GET /sleep?ms=5 HTTP/1.1\r\nHost: test\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int REQUESTS_PER_CONNECTION = 3;
    private static final Duration BACKOFF = Duration.ofMillis(10);

    /** Answers counted by status, and anything else that went wrong (the first few, described). */
    public record Counts(long ok, long unavailable, long refusedWithoutAnswer, List<String> otherFailures) {
    }

    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    private OverloadClients() {
    }

    /** Starts {@code clients} threads against {@code port}; they run until {@link #stop}. */
    public static OverloadClients start(int port, int clients) {
        OverloadClients load = new OverloadClients();
        for (int i = 0; i < clients; i++) {
            load.threads.add(Thread.ofPlatform().daemon().name("overload-client-" + i).start(() -> load.run(port)));
        }
        return load;
    }

    public int clients() {
        return threads.size();
    }

    private void run(int port) {
        while (!stopped) {
            if (!connectionServed(port)) {
                pause();
            }
        }
    }

    /** One connection; false when it was refused (503, or closed before any answer). */
    private boolean connectionServed(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(5_000);
            for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                s.getOutputStream().write(REQUEST);
                TestHttp.Response r;
                try {
                    r = ResponseReader.read(s.getInputStream());
                } catch (IOException e) {
                    if (i == 0) {
                        // The server refused it and closed before its 503 could be read (a reset drops it).
                        refused.increment();
                        return false;
                    }
                    throw e;
                }
                if (r.status() == 503) {
                    unavailable.increment();
                    return false;
                }
                if (r.status() == 200) {
                    ok.increment();
                } else {
                    note("status " + r.status());
                }
            }
            return true;
        } catch (IOException e) {
            note(e.toString());
            return false;
        }
    }

    private void note(String failure) {
        if (other.size() < 10) {
            other.add(failure);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every client and waits for them to end; returns what they saw. */
    public Counts stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(10));
        }
        return new Counts(ok.sum(), unavailable.sum(), refused.sum(), List.copyOf(other));
    }
}
