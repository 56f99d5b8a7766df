package poolbench.server.connection;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Backends;
import poolbench.server.endpoints.CpuExecutor;
import poolbench.server.endpoints.Endpoints;
import poolbench.server.endpoints.OutboundCalls;
import poolbench.server.http.ChunkedBody;
import poolbench.server.http.Request;
import poolbench.server.http.RequestParser;
import poolbench.server.http.ResponseWriter;
import poolbench.server.stats.ServerStats;

/**
 * Serves one connection at a time on the calling thread: reads what has arrived, answers every whole request in
 * it in order, flushes once per batch, and goes back to reading, until the client closes, asks to close, errs, or
 * runs out of time.
 *
 * <p>With {@link BufferOwnership#WORKER} the buffers are made once, here, and reused for every connection the
 * owning worker serves; with {@link BufferOwnership#CONNECTION} each {@link #serve} makes its own. The loop's
 * deadlines join the {@link DeadlineSweeper}'s watch once, when the loop is made, and leave it at {@link #close}:
 * a pooled worker pays that once for all its connections, as it does its buffers.
 *
 * <p>A peer that closes is noticed only when a write to it fails, and a batch is flushed once, at its end: a client
 * that pipelines a hundred slow requests and disconnects would have had all of them served. So a response that was
 * slow to make is flushed before the next queued request starts (see {@link #SLOW_RESPONSE_NANOS}).
 *
 * <p>Reads are untimed: before each read the loop publishes its deadline (the read timeout while a request is
 * arriving, the idle timeout between requests) in its {@link ConnectionDeadlines}, and the server's
 * {@link DeadlineSweeper} shuts the input of a connection whose deadline has passed; the read then ends and the
 * loop answers 408 (or closes an idle connection). Responses go out through a {@link WatchedOutput}, so that the
 * sweeper can close a connection whose write has blocked longer than {@link ServerConfig#writeTimeout()}. With
 * {@link TimeoutMode#SOCKET} (the ablation), or without a sweeper, reads are timed on the socket instead.
 *
 * <p>One request, one response: a request is answered as soon as its head is in, and its body (none of the endpoints
 * reads one) is skipped as it arrives, within the same read timeout and size limit. A body that then turns out
 * broken, too large or too slow ends the connection without a word: its request has had its response, and a second
 * one (a 400, 413 or 408) would answer nothing the client asked.
 */
public final class ConnectionLoop implements ConnectionServer {

    /** A response that took longer than this is flushed at once when more pipelined requests wait behind it. */
    static final long SLOW_RESPONSE_NANOS = 1_000_000;

    private final ServerConfig config;
    private final long readTimeoutNanos;
    private final long idleTimeoutNanos;
    private static final int TIMED_OUT = -2;
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final RequestParser parser;
    private final ServerStats stats;
    private final ConnectionBuffers workerBuffers;
    private final DeadlineSweeper sweeper;
    private final boolean socketTimeouts;
    private final ConnectionDeadlines deadlines = new ConnectionDeadlines();
    private final WatchedOutput out = new WatchedOutput(deadlines);
    private final OutboundCalls calls;
    /** The socket timeout last set on the current connection (ablation only); -1 before the first. */
    private int soTimeout;
    private final ChunkedBody chunkedBody;

    /**
     * A loop whose deadlines are enforced by {@code sweeper}; null leaves writes unbounded and times reads on the
     * socket (tests that serve alone).
     */
    ConnectionLoop(ServerConfig config, ServerStats stats, DeadlineSweeper sweeper) {
        this(config, stats, sweeper, Backends.NONE);
    }

    /** The same, calling out to {@code backends} for {@code /downstream} and {@code /db}. */
    ConnectionLoop(ServerConfig config, ServerStats stats, DeadlineSweeper sweeper, Backends backends) {
        this(config, stats, sweeper, backends, CpuExecutor.ON_CALLER);
    }

    /** The same, computing {@code /cpu} where {@code cpu} says. */
    public ConnectionLoop(ServerConfig config, ServerStats stats, DeadlineSweeper sweeper, Backends backends,
                          CpuExecutor cpu) {
        this.calls = new OutboundCalls(backends, stats, cpu);
        this.config = config;
        this.parser = new RequestParser(config);
        this.chunkedBody = new ChunkedBody(config.maxBodyBytes(), config.maxHeaderBytes());
        this.stats = stats;
        this.workerBuffers = config.buffers() == BufferOwnership.WORKER ? new ConnectionBuffers(config) : null;
        this.sweeper = sweeper;
        this.socketTimeouts = sweeper == null || config.timeouts() == TimeoutMode.SOCKET;
        this.readTimeoutNanos = config.readTimeout().toNanos();
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        if (sweeper != null) {
            // Watched while unattached too: the sweeper passes over deadlines aimed at no connection.
            sweeper.watch(deadlines);
        }
    }

    @Override
    public void serve(Socket connection) throws IOException {
        try (connection) {
            ConnectionBuffers buffers = workerBuffers != null ? workerBuffers : new ConnectionBuffers(config);
            out.attach(connection);
            deadlines.attach(connection);
            try {
                loop(connection, buffers);
            } finally {
                deadlines.detach();
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
        int start = 0;
        int end = 0;
        long skip = 0;
        boolean inChunkedBody = false;
        // The first request must arrive within the read timeout, counted from its first read.
        long deadline = NOT_STARTED;
        long answeredAt = 0;
        boolean betweenRequests = false;
        soTimeout = -1;
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
                        // Its request was answered: the responses so far go out, and the connection ends.
                        stats.requestsAnswered(answered - counted);
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
                    Endpoints.refuse(ResponseWriter.Status.of(-head), req.method() != Request.Method.HEAD, writer, out);
                    writer.flush(out);
                    return;
                }
                start += head;
                skip = req.contentLength();
                answered++;
                if (req.chunked()) {
                    chunkedBody.reset();
                    inChunkedBody = true;
                }
                if (req.expectContinue() && (skip > end - start || req.chunked() && start == end)) {
                    // The client holds the body back until it hears 100 Continue (RFC 9110 §10.1.1); the body is
                    // then skipped like any other, and the connection stays in step.
                    writer.writeContinue(out);
                }
                // Only a pipelined request pays for the clock reads; a lone keep-alive request reads none.
                boolean queued = start + skip < end && !req.chunked();
                long began = queued ? System.nanoTime() : 0;
                Endpoints.respond(buf, req, writer, out, calls);
                if (!req.keepAlive()) {
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
                answeredAt = System.nanoTime();
                deadline = answeredAt + readTimeoutNanos;
            }
            if (start == end) {
                start = end = 0;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            boolean inBody = skip > 0 || inChunkedBody;
            boolean idle = end == 0 && !inBody;
            if (idle && answered > 0) {
                betweenRequests = true;
            }
            boolean waitingIdle = idle && betweenRequests;
            long readBy;
            if (waitingIdle) {
                // One clock read a keep-alive request: the one taken when it was answered.
                readBy = (answered > 0 ? answeredAt : System.nanoTime()) + idleTimeoutNanos;
            } else {
                if (deadline == NOT_STARTED) {
                    // One clock read: a deadline just set from it has not passed.
                    deadline = System.nanoTime() + readTimeoutNanos;
                } else if (deadline - System.nanoTime() <= 0) {
                    timeOut(writer, inBody);
                    return;
                }
                readBy = deadline;
            }
            int n;
            if (socketTimeouts) {
                n = timedRead(connection, in, buf, end, readBy, waitingIdle);
                if (n == TIMED_OUT) {
                    if (!waitingIdle) {
                        timeOut(writer, inBody);
                    }
                    return;
                }
            } else {
                deadlines.readBy(readBy);
                n = in.read(buf, end, buf.length - end);
                deadlines.readDone();
            }
            if (n < 0) {
                if (!waitingIdle && deadlines.readExpired(connection)) {
                    timeOut(writer, inBody);
                }
                return;
            }
            if (idle) {
                // A new request starts arriving: it gets a whole read timeout from now, a clock read taken only
                // if it does not arrive whole (one that does is answered and its successor's clock started).
                deadline = NOT_STARTED;
            }
            end += n;
        }
    }

    /**
     * The ablation's read: {@code setSoTimeout} to the time left, then a timed read; {@link #TIMED_OUT} when it
     * timed out. The option goes through a boxed, synchronized path, so it is set only when it changes, which on a
     * busy keep-alive connection is once.
     */
    private int timedRead(Socket connection, InputStream in, byte[] buf, int end, long readBy, boolean waitingIdle)
            throws IOException {
        int timeoutMillis = waitingIdle
                ? (int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis())
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, (readBy - System.nanoTime()) / 1_000_000));
        if (timeoutMillis != soTimeout) {
            connection.setSoTimeout(timeoutMillis);
            soTimeout = timeoutMillis;
        }
        try {
            return in.read(buf, end, buf.length - end);
        } catch (SocketTimeoutException e) {
            return TIMED_OUT;
        }
    }

    /** Closes this loop's downstream connection, if it opened one, and leaves the sweeper's watch. */
    @Override
    public void close() {
        calls.close();
        if (sweeper != null) {
            sweeper.unwatch(deadlines);
        }
    }

    /**
     * Ends a connection whose request did not arrive in time: with a 408, unless what was late is the body of a
     * request already answered.
     */
    private void timeOut(ResponseWriter writer, boolean answeredBodyLate) throws IOException {
        stats.requestTimedOut();
        if (!answeredBodyLate) {
            Endpoints.refuse(ResponseWriter.Status.REQUEST_TIMEOUT, writer, out);
            writer.flush(out);
        }
    }
}
