package poolbench.server.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved client that asks for /plaintext over one keep-alive connection every few milliseconds while a
 * test misbehaves beside it: the server must keep answering it 200 throughout.
 */
public final class SteadyClient implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(20);

    private final int port;
    private final Thread thread;
    private final AtomicInteger ok = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private SteadyClient(int port) {
        this.port = port;
        this.thread = Thread.ofPlatform().daemon().name("steady-client").unstarted(this::run);
    }

    /** Starts asking and returns once the first answer came back, so the test's misbehaviour meets a live client. */
    public static SteadyClient start(int port) {
        SteadyClient client = new SteadyClient(port);
        client.thread.start();
        Poll.until(Duration.ofSeconds(5), () -> client.ok.get() > 0 || !client.failures.isEmpty(),
                () -> "the steady client's first answer");
        return client;
    }

    private void run() {
        try (TestHttp c = TestHttp.connect(port)) {
            while (!stopped) {
                TestHttp.Response r = c.send(TestHttp.request("/plaintext")).read();
                if (r.status() == 200) {
                    ok.incrementAndGet();
                } else {
                    failures.add("status " + r.status());
                }
                Thread.sleep(PAUSE);
            }
        } catch (IOException e) {
            failures.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers received so far, each a 200. */
    public int answered() {
        return ok.get();
    }

    /** Stops, and fails unless every request was answered 200 and some were asked while the test ran. */
    public void assertServedThroughout(int atLeast) {
        close();
        assertTrue(failures.isEmpty(), () -> "the steady client failed: " + failures);
        assertTrue(ok.get() >= atLeast, () -> "the steady client got " + ok.get() + " answers, wanted " + atLeast);
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
