package poolbench.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One platform thread per server that enforces {@link ServerConfig#writeTimeout()}: every quarter of the timeout
 * (at most every 250 ms) it looks at the connections being served and closes each whose current write has been
 * blocked longer than the timeout. The blocked worker then fails its write and moves on.
 *
 * <p>Scanning from one thread keeps the request path to two volatile stores per write, where a timer per write
 * or a selector per connection would cost far more; a stuck write is closed between one timeout and one timeout
 * plus one period after it began.
 */
final class WriteWatchdog implements AutoCloseable {

    private static final Duration MAX_PERIOD = Duration.ofMillis(250);
    private static final Duration MIN_PERIOD = Duration.ofMillis(10);

    private final long timeoutNanos;
    private final Duration period;
    private final ServerStats stats;
    private final Set<WatchedOutput> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    WriteWatchdog(Duration timeout, ServerStats stats, String name) {
        this.timeoutNanos = timeout.toNanos();
        Duration quarter = timeout.dividedBy(4);
        this.period = quarter.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD
                : quarter.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : quarter;
        this.stats = stats;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
        thread.start();
    }

    /** Watches the connection {@code output} is attached to, until {@link #unwatch}. */
    void watch(WatchedOutput output) {
        watched.add(output);
    }

    void unwatch(WatchedOutput output) {
        watched.remove(output);
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (WatchedOutput output : watched) {
                if (output.closeIfStuck(now, timeoutNanos)) {
                    stats.writeTimedOut();
                }
            }
        }
    }

    /** Stops the watchdog's thread and waits for it (briefly: it only ever sleeps or scans). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
