package poolbench.server.endpoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import poolbench.server.connection.ConnectionLoop;
import poolbench.server.http.ResponseWriter;

/**
 * A blocking HTTP/1.1 client for one backend over one kept-alive socket, owned by one {@link ConnectionLoop}: the
 * serving thread itself connects, writes and blocks in the read, so a virtual thread parks deep in a socket read
 * and a platform thread blocks in one, and each arm pays for its own downstream connections (a pooled worker
 * keeps one for its life, a thread per connection opens one per connection).
 *
 * <p>Written for this rather than taken from a library because the JDK's {@code java.net.http.HttpClient} hands
 * the I/O to threads of its own (the thread that calls it waits on a future), which would hide the very blocking
 * the workload is about; and a library client would add its own pool of connections between the arm and the
 * backend. It speaks exactly what poolbench's backends answer: a status line, headers, a Content-Length body.
 *
 * <p>The wait for an answer is bounded by a socket read timeout (the requested delay plus the backend timeout):
 * unlike the server's own reads, which one watchdog bounds, a client call has one deadline per call anyway, as
 * Apache HttpClient's socket timeout has. Not thread-safe.
 */
public final class DownstreamClient implements AutoCloseable {

    /** Why a call failed: the status the calling request gets. */
    static final class Failure extends Exception {
        final ResponseWriter.Status status;

        Failure(ResponseWriter.Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final int MAX_RESPONSE_BYTES = 8192;
    private static final byte[] GET_SLEEP = ResponseWriter.ascii("GET /sleep?ms=");
    private static final byte[] HTTP11_HOST = ResponseWriter.ascii(" HTTP/1.1\r\nHost: ");
    private static final byte[] END = ResponseWriter.ascii("\r\n\r\n");
    private static final byte[] CONTENT_LENGTH = ResponseWriter.ascii("content-length:");
    private static final byte[] CONNECTION_CLOSE = ResponseWriter.ascii("connection: close");

    private final InetSocketAddress address;
    private final long timeoutMillis;
    private final byte[] host;
    private final byte[] request = new byte[256];
    private final byte[] in = new byte[MAX_RESPONSE_BYTES];
    /** The last answer's body, valid until the next call. */
    final byte[] body = new byte[MAX_RESPONSE_BYTES];
    private Socket socket;
    private InputStream input;
    private OutputStream output;
    private int soTimeout = -1;

    DownstreamClient(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.timeoutMillis = timeout.toMillis();
        this.host = ResponseWriter.ascii(address.getHostString() + ":" + address.getPort());
    }

    /** Asks the backend for {@code GET /sleep?ms=ms}; returns the length of its body, now in {@link #body}. */
    int call(long ms) throws Failure {
        int len = requestFor(ms);
        boolean reused = socket != null;
        try {
            return exchange(len, ms);
        } catch (Stale e) {
            // The backend closed the kept-alive connection while it was idle: one fresh connection, once.
            closeSocket();
            if (!reused) {
                throw new Failure(ResponseWriter.Status.BAD_GATEWAY, "backend closed the connection without answering");
            }
            try {
                return exchange(len, ms);
            } catch (Stale again) {
                closeSocket();
                throw new Failure(ResponseWriter.Status.BAD_GATEWAY, "backend closed the connection without answering");
            }
        }
    }

    /** Thrown when a reused connection turned out closed before any byte of the answer came. */
    private static final class Stale extends Exception {
        Stale() {
            super(null, null, false, false);
        }
    }

    private int exchange(int len, long ms) throws Failure, Stale {
        boolean wasOpen = socket != null;
        try {
            int timeout = (int) Math.min(Integer.MAX_VALUE, ms + timeoutMillis);
            if (socket == null) {
                connect(timeout);
            }
            if (timeout != soTimeout) {
                socket.setSoTimeout(timeout);
                soTimeout = timeout;
            }
            output.write(request, 0, len);
            output.flush();
            return readResponse();
        } catch (SocketTimeoutException e) {
            closeSocket();
            throw new Failure(ResponseWriter.Status.GATEWAY_TIMEOUT,
                    "backend " + address + " did not answer within " + (ms + timeoutMillis) + " ms");
        } catch (IOException e) {
            closeSocket();
            if (wasOpen && isResetOnReuse(e)) {
                throw new Stale();
            }
            throw new Failure(ResponseWriter.Status.BAD_GATEWAY, "backend " + address + ": " + e.getMessage());
        }
    }

    private static boolean isResetOnReuse(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("reset") || m.contains("Broken pipe");
    }

    private void connect(int timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, timeout);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        input = s.getInputStream();
        output = s.getOutputStream();
        soTimeout = -1;
    }

    private int requestFor(long ms) {
        int p = put(GET_SLEEP, 0);
        byte[] digits = ResponseWriter.ascii(Long.toString(ms));
        p = put(digits, p);
        p = put(HTTP11_HOST, p);
        p = put(host, p);
        return put(END, p);
    }

    private int put(byte[] b, int at) {
        System.arraycopy(b, 0, request, at, b.length);
        return at + b.length;
    }

    /** Reads one whole answer; keeps the connection unless the backend said it closes. */
    private int readResponse() throws IOException, Failure, Stale {
        int end = 0;
        int head;
        while ((head = headEnd(end)) < 0) {
            if (end == in.length) {
                throw fail("backend's response head is larger than " + in.length + " bytes");
            }
            int n = input.read(in, end, in.length - end);
            if (n < 0) {
                if (end == 0) {
                    throw new Stale();
                }
                throw fail("backend closed the connection mid-answer");
            }
            end += n;
        }
        int status = statusOf(end);
        long length = -1;
        boolean close = false;
        int line = lineAfter(0, head);
        while (line < head - 2) {
            int next = lineAfter(line, head);
            if (startsWithIgnoreCase(line, next, CONTENT_LENGTH)) {
                length = decimal(line + CONTENT_LENGTH.length, next - 2);
            } else if (startsWithIgnoreCase(line, next, CONNECTION_CLOSE)) {
                close = true;
            }
            line = next;
        }
        if (length < 0 || length > body.length) {
            throw fail("backend's answer has no usable Content-Length (chunked or larger than " + body.length + ")");
        }
        int have = end - head;
        System.arraycopy(in, head, body, 0, (int) Math.min(have, length));
        while (have < length) {
            int n = input.read(body, have, (int) length - have);
            if (n < 0) {
                throw fail("backend closed the connection mid-body");
            }
            have += n;
        }
        if (close || have > length) {
            closeSocket();
        }
        if (status != 200) {
            throw new Failure(ResponseWriter.Status.BAD_GATEWAY, "backend answered " + status);
        }
        return (int) length;
    }

    private Failure fail(String message) {
        closeSocket();
        return new Failure(ResponseWriter.Status.BAD_GATEWAY, message);
    }

    /** The index just past the head's blank line in {@code in[0, end)}, or -1. */
    private int headEnd(int end) {
        for (int i = 3; i < end; i++) {
            if (in[i] == '\n' && in[i - 1] == '\r' && in[i - 2] == '\n' && in[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private int lineAfter(int from, int head) {
        for (int i = from; i < head - 1; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i + 2;
            }
        }
        return head;
    }

    private int statusOf(int end) throws Failure {
        // "HTTP/1.x NNN"
        if (end < 12 || in[0] != 'H' || in[8] != ' ') {
            throw fail("backend's answer is not HTTP/1.x");
        }
        long code = decimal(9, 12);
        if (code < 100) {
            throw fail("backend's status line has no status code");
        }
        return (int) code;
    }

    private boolean startsWithIgnoreCase(int from, int to, byte[] lower) {
        if (to - from < lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = in[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** The decimal in {@code in[from, to)}, spaces around it allowed; -1 when there is none or it is too long. */
    private long decimal(int from, int to) {
        while (from < to && in[from] == ' ') {
            from++;
        }
        while (to > from && in[to - 1] == ' ') {
            to--;
        }
        if (from == to || to - from > 12) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            if (in[i] < '0' || in[i] > '9') {
                return -1;
            }
            n = n * 10 + in[i] - '0';
        }
        return n;
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection is dropped either way; the next call opens a fresh one.
            }
            socket = null;
            input = null;
            output = null;
        }
    }

    boolean connected() {
        return socket != null;
    }

    @Override
    public void close() {
        closeSocket();
    }
}
