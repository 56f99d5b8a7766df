package poolbench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import poolbench.server.endpoints.WorldDatabase;

/**
 * TechEmpower's single query through pgjdbc over a HikariCP pool: {@code SELECT id, randomNumber FROM World
 * WHERE id = ?} with a random id in 1..10,000, on whichever thread serves the request.
 *
 * <p>The pool's wait is taken from HikariCP's own metrics hook ({@link MetricsTrackerFactory}): it reports how
 * long each {@code getConnection} waited and each timeout, which is what {@code /db}'s figure "pool wait" means.
 * The pool is sized by {@link Options#poolSize}; a request that gets no connection within
 * {@link Options#connectionTimeout} is answered 503.
 *
 * <p>A database that is down is not a busy pool: while the pool holds no connection and its last attempt to open
 * one failed, a request is answered 503 at once with that failure, instead of after the whole connection timeout.
 * The pool goes on trying in the background (HikariCP keeps it filled to its size), so once PostgreSQL is back the
 * next request is served, without a restart.
 */
public final class PooledWorldDatabase implements WorldDatabase {

    /** The World table's rows, ids 1..ROWS (TechEmpower's size). */
    public static final int ROWS = 10_000;

    private static final String QUERY = "SELECT id, randomNumber FROM World WHERE id = ?";

    /**
     * @param jdbcUrl           e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
     * @param poolSize          the most connections the pool holds (HikariCP's maximumPoolSize; min idle the same)
     * @param connectionTimeout how long a request may wait for a connection before it is answered 503
     */
    public record Options(String jdbcUrl, int poolSize, Duration connectionTimeout) {

        /** TechEmpower's Java entries mostly run pools of 2 × cores or so; this machine class has 2 cores. */
        public static final int DEFAULT_POOL_SIZE = 8;
        public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

        public Options {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("expected a jdbc:postgresql: URL, was '" + jdbcUrl + "'");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
            }
            // HikariCP's floor for connectionTimeout is 250 ms.
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connection timeout must be at least 250 ms, was "
                        + connectionTimeout.toMillis() + " ms");
            }
        }

        public static Options of(String jdbcUrl) {
            return new Options(jdbcUrl, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
        }
    }

    private final HikariDataSource pool;
    private final WatchedDataSource connections;
    private final int poolSize;
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    private PooledWorldDatabase(Options options) {
        HikariConfig config = new HikariConfig();
        this.connections = new WatchedDataSource(options.jdbcUrl());
        connections.setPrepareThreshold(1);
        config.setDataSource(connections);
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(options.poolSize());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setPoolName("world");
        // Fail at start, in one line, when the database is not there, instead of on the first request.
        config.setInitializationFailTimeout(options.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        config.setReadOnly(true);
        config.setMetricsTrackerFactory(new Tracker());
        this.pool = new HikariDataSource(config);
        this.poolSize = options.poolSize();
    }

    /**
     * Opens the pool and checks the World table is there.
     *
     * @throws IllegalStateException with one line saying why, when the database cannot be reached
     */
    public static PooledWorldDatabase open(Options options) {
        PooledWorldDatabase db;
        try {
            db = new PooledWorldDatabase(options);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database at " + options.jdbcUrl() + ": "
                    + rootMessage(e), e);
        }
        try {
            db.randomWorldJson();
        } catch (Unavailable e) {
            db.close();
            throw new IllegalStateException("the database at " + options.jdbcUrl() + " has no usable World table: "
                    + e.getMessage(), e);
        }
        return db;
    }

    @Override
    public byte[] randomWorldJson() throws Unavailable {
        // One volatile read while the database is up; the pool is looked at only after a failed attempt.
        String down = connections.lastFailure();
        if (down != null && poolIsEmpty()) {
            throw new Unavailable("no connection to the database: " + down, null);
        }
        int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setInt(1, id);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new Unavailable("World has no row " + id, null);
                }
                return json(row.getInt(1), row.getInt(2));
            }
        } catch (SQLTransientConnectionException e) {
            throw new Unavailable("no connection from the pool of " + poolSize + " within the timeout", e);
        } catch (SQLException e) {
            throw new Unavailable(rootMessage(e), e);
        }
    }

    static byte[] json(int id, int randomNumber) {
        return ("{\"id\":" + id + ",\"randomNumber\":" + randomNumber + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether the database is taken for down: the pool holds no connection and its last attempt to open one failed. */
    boolean unreachable() {
        return connections.lastFailure() != null && poolIsEmpty();
    }

    private boolean poolIsEmpty() {
        var mx = pool.getHikariPoolMXBean();
        return mx != null && mx.getTotalConnections() == 0;
    }

    /** The pool itself, for tests that hold its connections to exhaust it. */
    HikariDataSource pool() {
        return pool;
    }

    @Override
    public PoolStats stats() {
        var mx = pool.getHikariPoolMXBean();
        int active = mx == null ? 0 : mx.getActiveConnections();
        int waiting = mx == null ? 0 : mx.getThreadsAwaitingConnection();
        return new PoolStats(poolSize, active, waiting, acquisitions.sum(), waitNanos.sum(), timeouts.sum());
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** HikariCP's metrics hook: the time each getConnection waited, and each timeout. */
    private final class Tracker implements MetricsTrackerFactory {
        @Override
        public IMetricsTracker create(String poolName, com.zaxxer.hikari.metrics.PoolStats poolStats) {
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                    acquisitions.increment();
                    waitNanos.add(elapsedAcquiredNanos);
                }

                @Override
                public void recordConnectionTimeout() {
                    timeouts.increment();
                }
            };
        }
    }
}
