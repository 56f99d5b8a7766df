package poolbench.server.endpoints;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;

import poolbench.server.connection.ConnectionLoop;
import poolbench.server.http.ResponseWriter;
import poolbench.server.http.ResponseWriter.Connection;
import poolbench.server.http.ResponseWriter.Status;
import poolbench.server.stats.ServerStats;

/**
 * What one {@link ConnectionLoop} calls out to for {@code /downstream}, {@code /db} and {@code /cpu}: its own
 * kept-alive {@link DownstreamClient} (made on first use), the database every loop shares, and the server's
 * {@link CpuExecutor} (which, off by default, computes on the calling thread). Failures become quick answers
 * and are counted: 502 when the backend fails, 504 when it times out, 503 when no database connection could be
 * had. Not thread-safe, like the loop that owns it.
 */
public final class OutboundCalls {

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "downstream-cleaner");
        t.setDaemon(true);
        return t;
    });
    private static final byte[] TEXT_PLAIN = Replies.ContentType.TEXT_PLAIN.bytes();

    /** For callers without backends: both endpoints answer 503 saying what is missing. */
    static final OutboundCalls NONE = new OutboundCalls(Backends.NONE, new ServerStats(), CpuExecutor.ON_CALLER);

    private final Backends backends;
    private final ServerStats stats;
    private final CpuExecutor cpu;
    private DownstreamClient client;
    private Cleaner.Cleanable cleanable;

    public OutboundCalls(Backends backends, ServerStats stats, CpuExecutor cpu) {
        this.backends = backends;
        this.stats = stats;
        this.cpu = cpu;
    }

    /** {@code /cpu}'s result for {@code rounds}, computed on this thread or on the server's CPU executor. */
    long burn(long rounds) throws IOException {
        return cpu.burn(rounds);
    }

    /**
     * Calls the backend with {@code ms} and answers with its body, or with the failure's status; a HEAD request
     * ({@code withBody} false) gets the same headers and no content.
     */
    void downstream(long ms, ResponseWriter out, Connection connection, boolean withBody, OutputStream socket)
            throws IOException {
        if (backends.downstream().isEmpty()) {
            Endpoints.write(Replies.NO_DOWNSTREAM, out, connection, withBody, socket);
            return;
        }
        if (client == null) {
            openClient();
        }
        try {
            int len = client.call(ms);
            out.write(Status.OK, TEXT_PLAIN, client.body, len, connection, withBody, socket);
        } catch (DownstreamClient.Failure f) {
            if (f.status == Status.GATEWAY_TIMEOUT) {
                stats.downstreamTimedOut();
            } else {
                stats.downstreamFailed();
            }
            byte[] body = ResponseWriter.ascii(f.getMessage());
            out.write(f.status, TEXT_PLAIN, body, body.length, connection, withBody, socket);
        }
    }

    /** One random World row as JSON, or 503 with the pool's reason. */
    void db(ResponseWriter out, Connection connection, boolean withBody, OutputStream socket) throws IOException {
        if (backends.database().isEmpty()) {
            Endpoints.write(Replies.NO_DATABASE, out, connection, withBody, socket);
            return;
        }
        try {
            byte[] row = backends.database().get().randomWorldJson();
            out.write(Status.OK, Replies.ContentType.APPLICATION_JSON.bytes(), row, row.length, connection, withBody,
                    socket);
        } catch (WorldDatabase.Unavailable e) {
            stats.databaseWasUnavailable();
            byte[] body = ResponseWriter.ascii("database unavailable: " + e.getMessage());
            out.write(Status.SERVICE_UNAVAILABLE, TEXT_PLAIN, body, body.length, connection, withBody, socket);
        }
    }

    /**
     * The client is closed by {@link #close} (thread-per-connection arms after their connection, pooled workers
     * when they exit), by the server's stop (every client still open), or once its loop is unreachable (a loop
     * whose owner never closed it).
     */
    private void openClient() {
        DownstreamClient c = new DownstreamClient(backends.downstream().get(), backends.downstreamTimeout());
        stats.downstreamClientOpened(c);
        client = c;
        cleanable = CLEANER.register(this, () -> {
            c.close();
            stats.downstreamClientClosed(c);
        });
    }

    /** Closes the downstream connection, if any. */
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
            cleanable = null;
            client = null;
        }
    }
}
