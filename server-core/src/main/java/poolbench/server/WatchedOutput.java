package poolbench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection's output stream that publishes when the write in progress began, so that the
 * {@link WriteWatchdog} can close a connection whose client has stopped reading: with blocking sockets such a
 * write would otherwise hold its worker forever.
 *
 * <p>A {@link ConnectionLoop} keeps one and aims it at each connection it serves. A write costs a clock read and
 * two volatile stores more than the socket's own: no allocation, no lock.
 */
final class WatchedOutput extends OutputStream {

    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final AtomicLong writingSince = new AtomicLong(NOT_WRITING);
    private volatile Socket socket;
    private OutputStream out;

    /** Aims this stream at {@code connection}; the owning thread calls it before serving the connection. */
    void attach(Socket connection) throws IOException {
        out = connection.getOutputStream();
        socket = connection;
    }

    /** Lets go of the connection once it has been served, so an idle worker does not keep it reachable. */
    void detach() {
        socket = null;
        out = null;
    }

    @Override
    public void write(int b) throws IOException {
        writingSince.set(System.nanoTime());
        try {
            out.write(b);
        } finally {
            writingSince.set(NOT_WRITING);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        writingSince.set(System.nanoTime());
        try {
            out.write(b, off, len);
        } finally {
            writingSince.set(NOT_WRITING);
        }
    }

    /**
     * Closes the connection when its current write began more than {@code timeoutNanos} before {@code now};
     * called by the watchdog's thread. The same socket on both sides of reading the clock means the write seen
     * is that socket's, so a worker that has moved on to its next connection is never closed for the last one's
     * write; taking the clock back to not-writing means the write was still blocked then, and that each stuck
     * write is closed and counted once.
     */
    boolean closeIfStuck(long now, long timeoutNanos) {
        Socket before = socket;
        long since = writingSince.get();
        if (since == NOT_WRITING || now - since <= timeoutNanos || before == null || before != socket
                || !writingSince.compareAndSet(since, NOT_WRITING)) {
            return false;
        }
        try {
            before.close();
        } catch (IOException ignored) {
            // The blocked write fails either way; its worker closes the socket again.
        }
        return true;
    }
}
