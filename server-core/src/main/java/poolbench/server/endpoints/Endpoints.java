package poolbench.server.endpoints;

import java.io.IOException;
import java.io.OutputStream;

import poolbench.server.http.Request;
import poolbench.server.http.ResponseWriter;
import poolbench.server.http.ResponseWriter.Connection;
import poolbench.server.http.ResponseWriter.Status;

/**
 * The workloads every arm serves, routed by comparing path bytes in place:
 * <ul>
 *   <li>{@code GET /plaintext}: {@code Hello, World!} (TechEmpower's plaintext test);</li>
 *   <li>{@code GET /json}: {@code {"message":"Hello, World!"}} — pre-encoded, since what is studied is the
 *       dispatch, not a JSON library;</li>
 *   <li>{@code GET /sleep?ms=N}: blocks N ms (0..60000), a slow downstream call, where threads pile up;</li>
 *   <li>{@code GET /cpu?work=N}: N rounds (0..100,000,000) of a 64-bit mix, CPU that threads cannot help with
 *       (on the serving thread, or on the server's {@link CpuExecutor} when it has one);</li>
 *   <li>{@code GET /downstream?ms=N}: a blocking HTTP/1.1 call to the backend's {@code /sleep?ms=N} over the
 *       serving loop's own kept-alive connection, answered with the backend's body (502/504 when it fails);</li>
 *   <li>{@code GET /db}: one random {@code World} row from the database as JSON (503 when no connection).</li>
 * </ul>
 * Each answers HEAD as GET without the body (RFC 9110 §9.1: a general-purpose server must); {@code OPTIONS *}
 * gets 200 with {@code Allow: GET, HEAD}. Anything else is 404, any other method the server recognises 405, one it
 * does not 501 (RFC 9110 §9.1), a missing or bad parameter 400.
 */
public final class Endpoints {

    public static final int MAX_SLEEP_MS = 60_000;
    public static final int MAX_WORK = 100_000_000;

    private static final byte[] PLAINTEXT = ResponseWriter.ascii("/plaintext");
    private static final byte[] JSON = ResponseWriter.ascii("/json");
    private static final byte[] SLEEP = ResponseWriter.ascii("/sleep");
    private static final byte[] CPU = ResponseWriter.ascii("/cpu");
    private static final byte[] DOWNSTREAM = ResponseWriter.ascii("/downstream");
    private static final byte[] DB = ResponseWriter.ascii("/db");
    private static final byte[] MS = ResponseWriter.ascii("ms");
    private static final byte[] WORK = ResponseWriter.ascii("work");

    private Endpoints() {
    }

    /** Answers one parsed request into {@code out}, which may flush to {@code socket} when full. */
    public static void respond(byte[] in, Request req, ResponseWriter out, OutputStream socket) throws IOException {
        respond(in, req, out, socket, null);
    }

    /**
     * The same, with the calling loop's {@link OutboundCalls} for {@code /downstream}, {@code /db} and {@code /cpu};
     * null answers the first two 503 (no backend) and computes {@code /cpu} on the calling thread.
     */
    public static void respond(byte[] in, Request req, ResponseWriter out, OutputStream socket,
                               OutboundCalls calls) throws IOException {
        Connection connection = !req.keepAlive() ? Connection.CLOSE
                : req.http10() ? Connection.KEEP_ALIVE : Connection.DEFAULT;
        int path = req.targetStart();
        int pathLen = req.pathEnd() - path;
        boolean body = req.method() != Request.Method.HEAD;
        if (req.method() != Request.Method.GET && req.method() != Request.Method.HEAD) {
            if (req.method() == Request.Method.OPTIONS && pathLen == 1 && in[path] == '*') {
                out.writeOptions(connection, socket);
            } else if (req.method() == Request.Method.UNRECOGNISED) {
                write(Replies.NOT_IMPLEMENTED, out, connection, true, socket);
            } else {
                write(Replies.METHOD_NOT_ALLOWED, out, connection, true, socket);
            }
        } else if (matches(in, path, pathLen, PLAINTEXT)) {
            write(Replies.PLAINTEXT, out, connection, body, socket);
        } else if (matches(in, path, pathLen, JSON)) {
            write(Replies.JSON, out, connection, body, socket);
        } else if (matches(in, path, pathLen, SLEEP)) {
            long ms = parameter(in, req, MS, MAX_SLEEP_MS, Replies.BAD_SLEEP, out, connection, body, socket);
            if (ms >= 0) {
                sleep(ms);
                write(Replies.PLAINTEXT, out, connection, body, socket);
            }
        } else if (matches(in, path, pathLen, CPU)) {
            long work = parameter(in, req, WORK, MAX_WORK, Replies.BAD_WORK, out, connection, body, socket);
            if (work >= 0) {
                // HEAD does the work too: its Content-Length is the GET's, which depends on the result.
                write(Replies.cpu((calls != null ? calls : OutboundCalls.NONE).burn(work)), out, connection, body,
                        socket);
            }
        } else if (matches(in, path, pathLen, DOWNSTREAM)) {
            long ms = parameter(in, req, MS, MAX_SLEEP_MS, Replies.BAD_SLEEP, out, connection, body, socket);
            if (ms >= 0) {
                (calls != null ? calls : OutboundCalls.NONE).downstream(ms, out, connection, body, socket);
            }
        } else if (matches(in, path, pathLen, DB)) {
            (calls != null ? calls : OutboundCalls.NONE).db(out, connection, body, socket);
        } else {
            write(Replies.NOT_FOUND, out, connection, body, socket);
        }
    }

    /** Appends {@code reply}, without its body when {@code withBody} is false (a HEAD). */
    static void write(Replies.Reply reply, ResponseWriter out, Connection connection, boolean withBody,
                      OutputStream socket) throws IOException {
        out.write(reply.status(), reply.contentType().bytes(), reply.body(), reply.body().length, connection,
                withBody, socket);
    }

    /**
     * The query parameter {@code name}, 0 to {@code max}; when it is missing or out of range, answers
     * {@code complaint} (a 400) and returns -1.
     */
    private static long parameter(byte[] in, Request req, byte[] name, long max, Replies.Reply complaint,
                                  ResponseWriter out, Connection connection, boolean body, OutputStream socket)
            throws IOException {
        long value = queryInt(in, req.pathEnd(), req.targetEnd(), name, max);
        if (value < 0) {
            write(complaint, out, connection, body, socket);
        }
        return value;
    }

    /** Answers a request refused with {@code status} (by the parser, or timed out) and says the connection closes. */
    public static void refuse(Status status, ResponseWriter out, OutputStream socket) throws IOException {
        refuse(status, true, out, socket);
    }

    /** The same, without the body when the refused request was a HEAD. */
    public static void refuse(Status status, boolean withBody, ResponseWriter out, OutputStream socket)
            throws IOException {
        write(Replies.refusal(status), out, Connection.CLOSE, withBody, socket);
    }

    /** N rounds of splitmix64: a fixed amount of CPU whose result is returned so it cannot be optimised away. */
    public static long burn(long rounds) {
        long x = rounds;
        for (long i = 0; i < rounds; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            x = z ^ (z >>> 31);
        }
        return x;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@code in[from, from + len)} is {@code expected}. The routes' lengths all differ, so a request pays one
     * length test per route and compares bytes for one route at most; the loop is inline, where
     * {@code Arrays.equals} on a range would add two range checks and a call into {@code ArraysSupport.mismatch}
     * (the only caller of it on a request's path) for ten bytes or so.
     */
    private static boolean matches(byte[] in, int from, int len, byte[] expected) {
        if (len != expected.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (in[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of query parameter {@code name} in {@code in[query, end)} (query starts at the '?') as an integer
     * in [0, max], or -1 when it is missing, not a number or out of range.
     */
    static long queryInt(byte[] in, int query, int end, byte[] name, long max) {
        int p = query + 1;
        while (p < end) {
            int amp = p;
            while (amp < end && in[amp] != '&') {
                amp++;
            }
            int eq = p + name.length;
            if (eq < amp && in[eq] == '=' && matches(in, p, name.length, name)) {
                return parseBounded(in, eq + 1, amp, max);
            }
            p = amp + 1;
        }
        return -1;
    }

    private static long parseBounded(byte[] in, int from, int to, long max) {
        if (from == to || to - from > 10) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            if (in[i] < '0' || in[i] > '9') {
                return -1;
            }
            n = n * 10 + (in[i] - '0');
        }
        return n <= max ? n : -1;
    }
}
