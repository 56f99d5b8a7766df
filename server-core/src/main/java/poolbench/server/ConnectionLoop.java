package poolbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Serves one connection at a time on the calling thread: reads what has arrived, answers every whole request in
 * it in order, flushes once per batch, and goes back to reading, until the client closes, asks to close, errs, or
 * runs out of time.
 *
 * <p>With {@link BufferOwnership#WORKER} the buffers are made once, here, and reused for every connection the
 * owning worker serves; with {@link BufferOwnership#CONNECTION} each {@link #serve} makes its own.
 *
 * <p>Responses go out through a {@link WatchedOutput}, so that the server's {@link WriteWatchdog} can close a
 * connection whose write has blocked longer than {@link ServerConfig#writeTimeout()}.
 */
public final class ConnectionLoop implements ConnectionServer {

    private final ServerConfig config;
    private final RequestParser parser;
    private final ServerStats stats;
    private final ConnectionBuffers workerBuffers;
    private final WriteWatchdog watchdog;
    private final WatchedOutput out = new WatchedOutput();
    private final OutboundCalls calls;

    /** A loop whose writes are bounded by {@code watchdog}; null leaves them unbounded (tests that serve alone). */
    ConnectionLoop(ServerConfig config, ServerStats stats, WriteWatchdog watchdog) {
        this(config, stats, watchdog, Backends.NONE);
    }

    /** The same, calling out to {@code backends} for {@code /downstream} and {@code /db}. */
    ConnectionLoop(ServerConfig config, ServerStats stats, WriteWatchdog watchdog, Backends backends) {
        this.calls = new OutboundCalls(backends, stats);
        this.config = config;
        this.parser = new RequestParser(config);
        this.stats = stats;
        this.workerBuffers = config.buffers() == BufferOwnership.WORKER ? new ConnectionBuffers(config) : null;
        this.watchdog = watchdog;
    }

    @Override
    public void serve(Socket connection) throws IOException {
        try (connection) {
            ConnectionBuffers buffers = workerBuffers != null ? workerBuffers : new ConnectionBuffers(config);
            out.attach(connection);
            if (watchdog != null) {
                watchdog.watch(out);
            }
            try {
                loop(connection, buffers);
            } finally {
                if (watchdog != null) {
                    watchdog.unwatch(out);
                }
                out.detach();
            }
        } finally {
            stats.connectionEnded(connection);
        }
    }

    private void loop(Socket connection, ConnectionBuffers buffers) throws IOException {
        InputStream in = connection.getInputStream();
        byte[] buf = buffers.in;
        ResponseWriter writer = buffers.out;
        Request req = buffers.request;
        writer.clear();
        long readTimeoutNanos = config.readTimeout().toNanos();
        int start = 0;
        int end = 0;
        long skip = 0;
        // The first request must arrive within the read timeout counted from the accept.
        long deadline = System.nanoTime() + readTimeoutNanos;
        boolean betweenRequests = false;
        int soTimeout = -1;
        while (true) {
            int answered = 0;
            while (true) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, end - start);
                    start += n;
                    skip -= n;
                    if (skip > 0) {
                        break;
                    }
                }
                if (start == end) {
                    break;
                }
                int head = parser.parse(buf, start, end, req);
                if (head == RequestParser.NEED_MORE) {
                    break;
                }
                if (head < 0) {
                    stats.requestsAnswered(answered + 1);
                    Endpoints.refuse(ResponseWriter.Status.of(-head), writer, out);
                    writer.flush(out);
                    return;
                }
                start += head;
                skip = req.contentLength;
                answered++;
                Endpoints.respond(buf, req, writer, out, calls);
                if (!req.keepAlive) {
                    stats.requestsAnswered(answered);
                    writer.flush(out);
                    return;
                }
            }
            if (answered > 0) {
                stats.requestsAnswered(answered);
                writer.flush(out);
                // A pipelining client may never leave the buffer empty: each request's clock starts when the
                // one before it was answered, so only a request that never completes runs out of time.
                deadline = System.nanoTime() + readTimeoutNanos;
            }
            if (start == end) {
                start = end = 0;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            boolean idle = end == 0 && skip == 0;
            if (idle && answered > 0) {
                betweenRequests = true;
            }
            int timeoutMillis;
            if (idle && betweenRequests) {
                timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis());
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    timeOut(writer);
                    return;
                }
                timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
            }
            if (timeoutMillis != soTimeout) {
                // Socket options go through a boxed, synchronized path: set one only when it changes, which on a
                // busy keep-alive connection is once.
                connection.setSoTimeout(timeoutMillis);
                soTimeout = timeoutMillis;
            }
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (SocketTimeoutException e) {
                if (!(idle && betweenRequests)) {
                    timeOut(writer);
                }
                return;
            }
            if (n < 0) {
                return;
            }
            if (idle) {
                // A new request starts arriving: it gets a whole read timeout from now.
                deadline = System.nanoTime() + readTimeoutNanos;
            }
            end += n;
        }
    }

    /** Closes this loop's downstream connection, if it opened one. */
    @Override
    public void close() {
        calls.close();
    }

    private void timeOut(ResponseWriter writer) throws IOException {
        stats.requestTimedOut();
        Endpoints.refuse(ResponseWriter.Status.REQUEST_TIMEOUT, writer, out);
        writer.flush(out);
    }
}
