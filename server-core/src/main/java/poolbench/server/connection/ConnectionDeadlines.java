package poolbench.server.connection;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;

/**
 * The deadlines of the connection a {@link ConnectionLoop} is serving, published for the server's
 * {@link DeadlineSweeper}: the instant by which the read in progress must return, and when the write in progress
 * began. A loop keeps one and aims it at each connection it serves.
 *
 * <p>The owning thread publishes with release stores (a plain move on x86: no fence, no lock, no allocation);
 * only the sweeper uses compare-and-set, so that each expiry is acted on once and never for a deadline the owner
 * has already moved past.
 */
final class ConnectionDeadlines {

    /** No read or write in progress. */
    static final long NONE = Long.MIN_VALUE;

    /** What {@link #enforce} did. */
    enum Enforced { NOTHING, READ_EXPIRED, WRITE_TIMED_OUT }

    private static final VarHandle READ_BY;
    private static final VarHandle WRITING_SINCE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READ_BY = lookup.findVarHandle(ConnectionDeadlines.class, "readBy", long.class);
            WRITING_SINCE = lookup.findVarHandle(ConnectionDeadlines.class, "writingSince", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Volatile: the sweeper checks it on both sides of reading a deadline to know whose deadline it saw. */
    private volatile Socket socket;
    /** Volatile: set by the sweeper, read by the owner only when a read has ended the connection. */
    private volatile Socket readExpired;
    @SuppressWarnings("unused") // through READ_BY
    private long readBy = NONE;
    @SuppressWarnings("unused") // through WRITING_SINCE
    private long writingSince = NONE;

    /** Aims these deadlines at {@code connection}; the owning thread calls it before serving the connection. */
    void attach(Socket connection) {
        socket = connection;
    }

    /** Lets go of the connection once it has been served. */
    void detach() {
        socket = null;
        readExpired = null;
        READ_BY.setRelease(this, NONE);
        WRITING_SINCE.setRelease(this, NONE);
    }

    /** The read about to start must return by {@code deadlineNanos} ({@link System#nanoTime()}). */
    void readBy(long deadlineNanos) {
        READ_BY.setRelease(this, deadlineNanos);
    }

    /** The read has returned: time spent answering is not the client's. */
    void readDone() {
        READ_BY.setRelease(this, NONE);
    }

    /** True when the sweeper shut {@code connection}'s input because its read deadline passed. */
    boolean readExpired(Socket connection) {
        return readExpired == connection;
    }

    void writeStarted() {
        WRITING_SINCE.setRelease(this, System.nanoTime());
    }

    void writeDone() {
        WRITING_SINCE.setRelease(this, NONE);
    }

    /**
     * Called by the sweeper's thread: closes the connection when its current write began more than
     * {@code writeTimeoutNanos} before {@code now}, or shuts its input when its read deadline is before
     * {@code now} (the blocked read then returns end-of-stream, and the owner, seeing {@link #readExpired}, answers
     * 408 or closes an idle connection). The same socket on both sides of reading a deadline means the deadline
     * seen is that socket's; taking the deadline back to {@link #NONE} by compare-and-set means the owner had not
     * moved past it, and that each expiry is acted on once.
     */
    Enforced enforce(long now, long writeTimeoutNanos) {
        Socket before = socket;
        if (before == null) {
            return Enforced.NOTHING;
        }
        long since = (long) WRITING_SINCE.getAcquire(this);
        if (since != NONE && now - since > writeTimeoutNanos && before == socket
                && WRITING_SINCE.compareAndSet(this, since, NONE)) {
            try {
                before.close();
            } catch (IOException ignored) {
                // The blocked write fails either way; its worker closes the socket again.
            }
            return Enforced.WRITE_TIMED_OUT;
        }
        long by = (long) READ_BY.getAcquire(this);
        if (by != NONE && now - by > 0 && before == socket && READ_BY.compareAndSet(this, by, NONE)) {
            readExpired = before;
            try {
                before.shutdownInput();
            } catch (IOException ignored) {
                // Already closed or reset: the blocked read has ended by itself.
            }
            return Enforced.READ_EXPIRED;
        }
        return Enforced.NOTHING;
    }
}
