package poolbench.bench.jmh;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The least a blocking HTTP/1.1 client can do: write a pre-encoded request, read one response whose body length
 * comes from Content-Length, into a buffer it reuses. Anything else (chunked bodies, 1xx) the server never sends.
 * Not thread-safe; one per benchmark thread.
 */
final class LoopbackClient {

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buf = new byte[16 * 1024];

    /** Sends {@code request} and reads its response; returns the status code. */
    int exchange(Socket socket, byte[] request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        return readResponse(socket.getInputStream());
    }

    /** Reads until the server closes, as a client that asked for {@code Connection: close} does before closing. */
    void awaitClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        if (in.read(buf) >= 0) {
            throw new IOException("the server sent more after a response to Connection: close");
        }
    }

    private int readResponse(InputStream in) throws IOException {
        int len = 0;
        int headEnd;
        while ((headEnd = headEnd(len)) < 0) {
            len = fill(in, len);
        }
        long bodyLength = contentLength(headEnd);
        if (bodyLength < 0 || headEnd + bodyLength > buf.length) {
            throw new IOException("response without a usable Content-Length");
        }
        while (len < headEnd + bodyLength) {
            len = fill(in, len);
        }
        if (len != headEnd + bodyLength) {
            throw new IOException("bytes after the response; this client sends one request at a time");
        }
        return status();
    }

    private int fill(InputStream in, int len) throws IOException {
        if (len == buf.length) {
            throw new IOException("response head longer than " + buf.length + " bytes");
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
            throw new EOFException("the server closed before a whole response arrived");
        }
        return len + n;
    }

    /** The index just past the head's CRLFCRLF in {@code buf[0, len)}, or -1 when it has not arrived yet. */
    private int headEnd(int len) {
        for (int i = 3; i < len; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private long contentLength(int headEnd) {
        for (int line = 0; line < headEnd; ) {
            if (startsWithIgnoringCase(line, headEnd, CONTENT_LENGTH)) {
                long n = 0;
                int p = line + CONTENT_LENGTH.length;
                while (buf[p] == ' ') {
                    p++;
                }
                int digits = p;
                while (buf[p] >= '0' && buf[p] <= '9') {
                    n = n * 10 + (buf[p++] - '0');
                }
                return p == digits ? -1 : n;
            }
            while (buf[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private boolean startsWithIgnoringCase(int from, int limit, byte[] lowerCase) {
        if (from + lowerCase.length > limit) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            if ((buf[from + i] | 0x20) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    /** The three digits after "HTTP/1.1 ". */
    private int status() {
        return (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
    }
}
