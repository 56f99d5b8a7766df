package poolbench.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes responses into one reusable byte buffer, which the connection loop flushes once per batch of requests
 * it has read: pipelined requests are answered with one write.
 *
 * <p>Every fixed part of a response is encoded once, at class load; a response costs a few array copies.
 */
public final class ResponseWriter {

    public static final String SERVER_NAME = "poolbench";

    private static final byte[] SERVER_AND_DATE = ascii("\r\nServer: " + SERVER_NAME + "\r\nDate: ");
    private static final byte[] CONTENT_TYPE = ascii("\r\nContent-Type: ");
    private static final byte[] CONTENT_LENGTH = ascii("\r\nContent-Length: ");
    private static final byte[] CONNECTION_CLOSE = ascii("\r\nConnection: close");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("\r\nConnection: keep-alive");
    private static final byte[] ALLOW = ascii("\r\nAllow: GET, HEAD");
    private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
    private static final byte[] END_OF_HEAD = ascii("\r\n\r\n");

    /** The most a head can take besides the status line and content type; used to decide when to flush first. */
    private static final int HEAD_OVERHEAD = 160;

    private final byte[] buf;
    private int len;

    public ResponseWriter(int capacity) {
        this.buf = new byte[capacity];
    }

    /**
     * Appends a whole response. {@code connection} is {@link Connection#CLOSE} when the server closes after it,
     * {@link Connection#KEEP_ALIVE} when an HTTP/1.0 client asked to keep the connection, else {@code DEFAULT}.
     */
    public void write(Status status, byte[] contentType, byte[] body, int bodyLen, Connection connection,
                      OutputStream out) throws IOException {
        write(status, contentType, body, bodyLen, connection, true, out);
    }

    /**
     * The same, with the body left out when {@code withBody} is false: the answer to a HEAD, whose head (its
     * Content-Length too) is the GET's (RFC 9110 §9.3.2).
     */
    public void write(Status status, byte[] contentType, byte[] body, int bodyLen, Connection connection,
                      boolean withBody, OutputStream out) throws IOException {
        int needed = status.line.length + contentType.length + bodyLen + HEAD_OVERHEAD;
        if (len + needed > buf.length) {
            flush(out);
            if (needed > buf.length) {
                throw new IllegalArgumentException("response of " + needed + " bytes exceeds the write buffer");
            }
        }
        put(status.line);
        put(SERVER_AND_DATE);
        put(HttpDate.now());
        put(CONTENT_TYPE);
        put(contentType);
        put(CONTENT_LENGTH);
        putDecimal(bodyLen);
        if (connection == Connection.CLOSE) {
            put(CONNECTION_CLOSE);
        } else if (connection == Connection.KEEP_ALIVE) {
            put(CONNECTION_KEEP_ALIVE);
        }
        if (status == Status.METHOD_NOT_ALLOWED) {
            put(ALLOW);
        }
        put(END_OF_HEAD);
        if (withBody) {
            System.arraycopy(body, 0, buf, len, bodyLen);
            len += bodyLen;
        }
    }

    /** Appends the answer to {@code OPTIONS *}: 200 with the methods every endpoint allows and no content. */
    public void writeOptions(Connection connection, OutputStream out) throws IOException {
        if (len + Status.OK.line.length + HEAD_OVERHEAD > buf.length) {
            flush(out);
        }
        put(Status.OK.line);
        put(SERVER_AND_DATE);
        put(HttpDate.now());
        put(ALLOW);
        put(CONTENT_LENGTH);
        putDecimal(0);
        if (connection == Connection.CLOSE) {
            put(CONNECTION_CLOSE);
        } else if (connection == Connection.KEEP_ALIVE) {
            put(CONNECTION_KEEP_ALIVE);
        }
        put(END_OF_HEAD);
    }

    /** Appends the interim 100 Continue that a client sent {@code Expect: 100-continue} waits for. */
    public void writeContinue(OutputStream out) throws IOException {
        if (len + CONTINUE.length > buf.length) {
            flush(out);
        }
        put(CONTINUE);
    }

    /** Writes what has been appended to {@code out} in one call and empties the buffer. */
    public void flush(OutputStream out) throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            len = 0;
        }
    }

    /** Bytes appended and not yet flushed. */
    public int pending() {
        return len;
    }

    /** The buffer's bytes so far (for tests and benchmarks that write into no socket). */
    public byte[] buffer() {
        return buf;
    }

    /** Drops what has been appended (benchmarks reuse one writer without a socket). */
    public void clear() {
        len = 0;
    }

    private void put(byte[] b) {
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Content-Length values below this are copied from a table instead of formatted digit by digit. */
    private static final int ENCODED_LENGTHS = 1024;
    private static final byte[][] DECIMALS = new byte[ENCODED_LENGTHS][];

    static {
        for (int i = 0; i < ENCODED_LENGTHS; i++) {
            DECIMALS[i] = ascii(Integer.toString(i));
        }
    }

    private void putDecimal(int n) {
        if (n < ENCODED_LENGTHS) {
            put(DECIMALS[n]);
            return;
        }
        int digits = 0;
        for (int m = n; m > 0; m /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        len += digits;
    }

    /** The US-ASCII bytes of {@code s}: how every fixed part of a response is encoded once. */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What the response says about the connection. */
    public enum Connection { DEFAULT, KEEP_ALIVE, CLOSE }

    /** The statuses the server sends, each with its status line encoded once. */
    public enum Status {
        OK(200, "OK"),
        BAD_REQUEST(400, "Bad Request"),
        NOT_FOUND(404, "Not Found"),
        METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
        REQUEST_TIMEOUT(408, "Request Timeout"),
        PAYLOAD_TOO_LARGE(413, "Payload Too Large"),
        URI_TOO_LONG(414, "URI Too Long"),
        HEADERS_TOO_LARGE(431, "Request Header Fields Too Large"),
        NOT_IMPLEMENTED(501, "Not Implemented"),
        BAD_GATEWAY(502, "Bad Gateway"),
        SERVICE_UNAVAILABLE(503, "Service Unavailable"),
        GATEWAY_TIMEOUT(504, "Gateway Timeout"),
        VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported");

        public final int code;
        public final String reason;
        final byte[] line;

        Status(int code, String reason) {
            this.code = code;
            this.reason = reason;
            this.line = ascii("HTTP/1.1 " + code + " " + reason);
        }

        /** The status for a code the parser returned (as its negative), e.g. 431. */
        public static Status of(int code) {
            for (Status s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no status " + code);
        }
    }
}
