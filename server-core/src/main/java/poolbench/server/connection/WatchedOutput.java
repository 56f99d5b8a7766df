package poolbench.server.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A connection's output stream that publishes when the write in progress began (in its
 * {@link ConnectionDeadlines}), so that the {@link DeadlineSweeper} can close a connection whose client has
 * stopped reading: with blocking sockets such a write would otherwise hold its worker forever.
 *
 * <p>A {@link ConnectionLoop} keeps one and aims it at each connection it serves. A write costs a clock read and
 * two release stores more than the socket's own: no allocation, no lock.
 */
final class WatchedOutput extends OutputStream {

    private final ConnectionDeadlines deadlines;
    private OutputStream out;

    WatchedOutput(ConnectionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Aims this stream at {@code connection}; the owning thread calls it before serving the connection. */
    void attach(Socket connection) throws IOException {
        out = connection.getOutputStream();
    }

    /** Lets go of the connection once it has been served, so an idle worker does not keep it reachable. */
    void detach() {
        out = null;
    }

    /** Never on the request path (ResponseWriter writes whole buffers), so one byte may cost an array. */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        deadlines.writeStarted();
        try {
            out.write(b, off, len);
        } finally {
            deadlines.writeDone();
        }
    }
}
