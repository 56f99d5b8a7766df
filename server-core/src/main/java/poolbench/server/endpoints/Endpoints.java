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

    public static final byte[] TEXT_PLAIN = ResponseWriter.ascii("text/plain");
    static final byte[] APPLICATION_JSON = ResponseWriter.ascii("application/json");
    static final byte[] HELLO = ResponseWriter.ascii("Hello, World!");
    static final byte[] JSON_HELLO = ResponseWriter.ascii("{\"message\":\"Hello, World!\"}");

    private static final byte[] PLAINTEXT = ResponseWriter.ascii("/plaintext");
    private static final byte[] JSON = ResponseWriter.ascii("/json");
    private static final byte[] SLEEP = ResponseWriter.ascii("/sleep");
    private static final byte[] CPU = ResponseWriter.ascii("/cpu");
    private static final byte[] DOWNSTREAM = ResponseWriter.ascii("/downstream");
    private static final byte[] DB = ResponseWriter.ascii("/db");
    private static final byte[] MS = ResponseWriter.ascii("ms");
    private static final byte[] WORK = ResponseWriter.ascii("work");

    private static final byte[] NOT_FOUND = ResponseWriter.ascii("Not Found");
    private static final byte[] METHOD_NOT_ALLOWED = ResponseWriter.ascii("Method Not Allowed");
    private static final byte[] NOT_IMPLEMENTED = ResponseWriter.ascii("Not Implemented");
    private static final byte[] BAD_SLEEP = ResponseWriter.ascii("ms must be an integer from 0 to " + MAX_SLEEP_MS);
    private static final byte[] BAD_WORK = ResponseWriter.ascii("work must be an integer from 0 to " + MAX_WORK);

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
                out.write(Status.NOT_IMPLEMENTED, TEXT_PLAIN, NOT_IMPLEMENTED, NOT_IMPLEMENTED.length, connection,
                        socket);
            } else {
                out.write(Status.METHOD_NOT_ALLOWED, TEXT_PLAIN, METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED.length,
                        connection, socket);
            }
        } else if (matches(in, path, pathLen, PLAINTEXT)) {
            out.write(Status.OK, TEXT_PLAIN, HELLO, HELLO.length, connection, body, socket);
        } else if (matches(in, path, pathLen, JSON)) {
            out.write(Status.OK, APPLICATION_JSON, JSON_HELLO, JSON_HELLO.length, connection, body, socket);
        } else if (matches(in, path, pathLen, SLEEP)) {
            long ms = parameter(in, req, MS, MAX_SLEEP_MS, BAD_SLEEP, out, connection, body, socket);
            if (ms >= 0) {
                sleep(ms);
                out.write(Status.OK, TEXT_PLAIN, HELLO, HELLO.length, connection, body, socket);
            }
        } else if (matches(in, path, pathLen, CPU)) {
            long work = parameter(in, req, WORK, MAX_WORK, BAD_WORK, out, connection, body, socket);
            if (work >= 0) {
                // HEAD does the work too: its Content-Length is the GET's, which depends on the result.
                byte[] result = hex((calls != null ? calls : OutboundCalls.NONE).burn(work));
                out.write(Status.OK, TEXT_PLAIN, result, result.length, connection, body, socket);
            }
        } else if (matches(in, path, pathLen, DOWNSTREAM)) {
            long ms = parameter(in, req, MS, MAX_SLEEP_MS, BAD_SLEEP, out, connection, body, socket);
            if (ms >= 0) {
                (calls != null ? calls : OutboundCalls.NONE).downstream(ms, out, connection, body, socket);
            }
        } else if (matches(in, path, pathLen, DB)) {
            (calls != null ? calls : OutboundCalls.NONE).db(out, connection, body, socket);
        } else {
            out.write(Status.NOT_FOUND, TEXT_PLAIN, NOT_FOUND, NOT_FOUND.length, connection, body, socket);
        }
    }

    /**
     * The query parameter {@code name}, 0 to {@code max}; when it is missing or out of range, answers 400 with
     * {@code complaint} and returns -1.
     */
    private static long parameter(byte[] in, Request req, byte[] name, long max, byte[] complaint, ResponseWriter out,
                                  Connection connection, boolean body, OutputStream socket) throws IOException {
        long value = queryInt(in, req.pathEnd(), req.targetEnd(), name, max);
        if (value < 0) {
            out.write(Status.BAD_REQUEST, TEXT_PLAIN, complaint, complaint.length, connection, body, socket);
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
        byte[] body = ResponseWriter.ascii(status.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
        out.write(status, TEXT_PLAIN, body, body.length, Connection.CLOSE, withBody, socket);
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

    private static boolean matches(byte[] in, int from, int len, byte[] path) {
        return len == path.length && java.util.Arrays.equals(in, from, from + len, path, 0, len);
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
            if (eq < amp && in[eq] == '=' && java.util.Arrays.equals(in, p, eq, name, 0, name.length)) {
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

    private static byte[] hex(long v) {
        return ResponseWriter.ascii(Long.toHexString(v));
    }
}
