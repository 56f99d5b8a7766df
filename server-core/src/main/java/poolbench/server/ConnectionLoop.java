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
 * <p>A peer that closes is noticed only when a write to it fails, and a batch is flushed once, at its end: a client
 * that pipelines a hundred slow requests and disconnects would have had all of them served. So a response that was
 * slow to make is flushed before the next queued request starts (see {@link #SLOW_RESPONSE_NANOS}).
 *
 * <p>Responses go out through a {@link WatchedOutput}, so that the server's {@link WriteWatchdog} can close a
 * connection whose write has blocked longer than {@link ServerConfig#writeTimeout()}.
 */
public final class ConnectionLoop implements ConnectionServer {

    /** A response that took longer than this is flushed at once when more pipelined requests wait behind it. */
    static final long SLOW_RESPONSE_NANOS = 1_000_000;

    private final ServerConfig config;
    private final RequestParser parser;
    private final ServerStats stats;
    private final ConnectionBuffers workerBuffers;
    private final WriteWatchdog watchdog;
    private final WatchedOutput out = new WatchedOutput();
    private final ChunkedBody chunkedBody;

    /** A loop whose writes are bounded by {@code watchdog}; null leaves them unbounded (tests that serve alone). */
    ConnectionLoop(ServerConfig config, ServerStats stats, WriteWatchdog watchdog) {
        this.config = config;
        this.parser = new RequestParser(config);
        this.chunkedBody = new ChunkedBody(config.maxBodyBytes(), config.maxHeaderBytes());
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
        boolean inChunkedBody = false;
        // The first request must arrive within the read timeout counted from the accept.
        long deadline = System.nanoTime() + readTimeoutNanos;
        boolean betweenRequests = false;
        int soTimeout = -1;
        while (true) {
            int answered = 0;
            int counted = 0;
            while (true) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, end - start);
                    start += n;
                    skip -= n;
                    if (skip > 0) {
                        break;
                    }
                }
                if (inChunkedBody) {
                    start = chunkedBody.skip(buf, start, end);
                    if (chunkedBody.status() < 0) {
                        stats.requestsAnswered(answered - counted);
                        Endpoints.refuse(ResponseWriter.Status.of(-chunkedBody.status()), writer, out);
                        writer.flush(out);
                        return;
                    }
                    if (!chunkedBody.done()) {
                        break;
                    }
                    inChunkedBody = false;
                }
                if (start == end) {
                    break;
                }
                int head = parser.parse(buf, start, end, req);
                if (head == RequestParser.NEED_MORE) {
                    break;
                }
                if (head < 0) {
                    stats.requestsAnswered(answered - counted + 1);
                    Endpoints.refuse(ResponseWriter.Status.of(-head), req.method != Request.Method.HEAD, writer, out);
                    writer.flush(out);
                    return;
                }
                start += head;
                skip = req.contentLength;
                answered++;
                if (req.chunked) {
                    chunkedBody.reset();
                    inChunkedBody = true;
                }
                if (req.expectContinue && (skip > end - start || req.chunked && start == end)) {
                    // The client holds the body back until it hears 100 Continue (RFC 9110 §10.1.1); the body is
                    // then skipped like any other, and the connection stays in step.
                    writer.writeContinue(out);
                }
                // Only a pipelined request pays for the clock reads; a lone keep-alive request reads none.
                boolean queued = start + skip < end && !req.chunked;
                long began = queued ? System.nanoTime() : 0;
                Endpoints.respond(buf, req, writer, out);
                if (!req.keepAlive) {
                    stats.requestsAnswered(answered - counted);
                    writer.flush(out);
                    return;
                }
                if (queued && System.nanoTime() - began > SLOW_RESPONSE_NANOS) {
                    // A slow response with more requests queued behind it goes out now: the client gets it sooner,
                    // and a peer that has gone away makes this flush or the next one fail, so a dead pipeline
                    // costs at most two slow requests instead of all it queued.
                    stats.requestsAnswered(answered - counted);
                    counted = answered;
                    writer.flush(out);
                }
            }
            if (answered > 0) {
                stats.requestsAnswered(answered - counted);
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
            boolean idle = end == 0 && skip == 0 && !inChunkedBody;
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

    private void timeOut(ResponseWriter writer) throws IOException {
        stats.requestTimedOut();
        Endpoints.refuse(ResponseWriter.Status.REQUEST_TIMEOUT, writer, out);
        writer.flush(out);
    }
}
