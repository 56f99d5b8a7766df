package poolbench.server.connection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import poolbench.server.accept.ServerConfig;
import poolbench.server.http.HttpDate;
import poolbench.server.stats.ServerStats;

/**
 * One platform thread per server that enforces every connection's read, idle and write deadlines, so that no
 * read or write needs a timer of its own. Every quarter of the shortest timeout (at most every 250 ms, at least
 * every 10 ms) it looks at the server's connection loops: it closes each connection whose current write has
 * been blocked longer than {@link ServerConfig#writeTimeout()}, and shuts the input of each whose read deadline
 * (the read or idle timeout the loop published) has passed; that connection's loop then answers 408 or closes.
 * Each period it also ticks the shared {@link HttpDate}, so that no request reads the clock for its Date header.
 *
 * <p>Why one thread and not a socket timeout per read: a virtual thread's timed read arms and cancels a timer
 * each time (measured: virtual's keep-alive throughput doubles without it), so per-read timeouts would make the
 * study measure timers, not thread models. The request path pays a clock read and a release store per read and
 * per write. A {@link ConnectionLoop} joins the watched set once, when it is made, and leaves it when it is
 * closed, not per connection: a pooled worker, whose loop serves every connection the worker gets, pays one
 * insertion and one removal in its life; an arm that makes a loop per connection pays them per connection, as it
 * pays for the loop's buffers. The sweeper pays one look per loop per period (a loop attached to no connection,
 * an idle worker's, is passed over at its first read). A deadline is acted on between its instant and one period
 * after.
 */
public final class DeadlineSweeper implements AutoCloseable {

    private static final Duration MAX_PERIOD = Duration.ofMillis(250);
    private static final Duration MIN_PERIOD = Duration.ofMillis(10);
    private static final long FAILURE_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    private static final System.Logger LOG = System.getLogger("poolbench.server");

    private final long writeTimeoutNanos;
    private final Duration period;
    private final ServerStats stats;
    private final HttpDate date;
    private final Set<ConnectionDeadlines> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    /** Read and written by the sweeper's thread only. */
    private long lastFailureLog = System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS - 1;

    /** Sweeps for {@code config}'s write timeout, and for its read and idle timeouts when it times reads here. */
    public DeadlineSweeper(ServerConfig config, ServerStats stats, String name) {
        this(config, stats, name, HttpDate.SYSTEM);
    }

    /** The same, ticking {@code date} (tests give one on their own clock). */
    DeadlineSweeper(ServerConfig config, ServerStats stats, String name, HttpDate date) {
        this.writeTimeoutNanos = config.writeTimeout().toNanos();
        Duration shortest = config.writeTimeout();
        if (config.timeouts() == TimeoutMode.WATCHDOG) {
            shortest = min(shortest, min(config.readTimeout(), config.idleTimeout()));
        }
        Duration quarter = shortest.dividedBy(4);
        this.period = quarter.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD
                : quarter.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : quarter;
        this.stats = stats;
        this.date = date;
        // Loaded now, not at the first deadline: out of descriptors, loading a class from the class path fails,
        // and the sweeper would die the moment it is needed most (DescriptorExhaustionTest found it so).
        ConnectionDeadlines.Enforced.values();
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
        thread.start();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Watches whatever connection {@code deadlines} is attached to, until {@link #unwatch}; a loop calls it once. */
    void watch(ConnectionDeadlines deadlines) {
        watched.add(deadlines);
    }

    void unwatch(ConnectionDeadlines deadlines) {
        watched.remove(deadlines);
    }

    /** How many loops are watched now: one per loop alive, however many connections each has served. */
    int loopsWatched() {
        return watched.size();
    }

    private void run() {
        date.tickerStarted();
        try {
            while (!closed) {
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    date.tick();
                    sweep(System.nanoTime());
                } catch (RuntimeException | LinkageError e) {
                    // A sweep that fails (a shutdown refused, a class that cannot load while descriptors are out)
                    // must not end the thread that every connection's deadlines depend on: say so, try next period.
                    long now = System.nanoTime();
                    if (now - lastFailureLog > FAILURE_LOG_INTERVAL_NANOS) {
                        lastFailureLog = now;
                        LOG.log(System.Logger.Level.WARNING, "deadline sweep failed: " + e);
                    }
                }
            }
        } finally {
            // Whatever ends this thread, reads of the date go back to the clock rather than freeze.
            date.tickerStopped();
        }
    }

    private void sweep(long now) {
        for (ConnectionDeadlines deadlines : watched) {
            if (deadlines.enforce(now, writeTimeoutNanos) == ConnectionDeadlines.Enforced.WRITE_TIMED_OUT) {
                stats.writeTimedOut();
            }
        }
    }

    /** Stops the sweeper's thread and waits for it (briefly: it only ever sleeps or scans). */
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
