package poolbench.server.endpoints;

/**
 * TechEmpower's {@code World} table (10,000 rows of {@code id}, {@code randomNumber}) behind a connection pool,
 * as {@code /db} needs it. server-core knows only this interface: the JDBC driver and the pool live in the
 * {@code db} module, so that the one HTTP server every arm shares carries no database code of its own.
 *
 * <p>Thread-safe: every serving thread calls it at once; the pool decides who waits.
 */
public interface WorldDatabase extends AutoCloseable {

    /** One random row as {@code {"id":N,"randomNumber":M}}, read on the calling thread (it blocks). */
    byte[] randomWorldJson() throws Unavailable;

    /** The pool's figures for the stats endpoint. */
    PoolStats stats();

    @Override
    void close();

    /** No connection could be had in time, or the query failed: the request is answered 503 with the message. */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Cumulative pool figures; a reader takes deltas over its window.
     *
     * @param poolSize        the pool's maximum size
     * @param active          connections in use now
     * @param waiting         threads waiting for a connection now
     * @param acquisitions    connections handed out so far
     * @param waitNanos       total time threads waited for a connection (HikariCP's connection-acquired timing)
     * @param timeouts        requests that got no connection within the pool's timeout
     */
    record PoolStats(int poolSize, int active, int waiting, long acquisitions, long waitNanos, long timeouts) {
        public static final PoolStats NONE = new PoolStats(0, 0, 0, 0, 0, 0);
    }
}
