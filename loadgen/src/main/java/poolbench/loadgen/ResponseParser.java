package poolbench.loadgen;

import java.nio.ByteBuffer;

/**
 * Streaming HTTP/1.x response parser: finds where each response ends, and keeps only what the load
 * generator needs (the status code and whether the server will close the connection).
 *
 * <p>It is a byte-at-a-time state machine that never copies or retains input, so one read buffer can
 * be shared by every connection of a loop and a response may be split across reads at any byte.
 * Bodies are skipped in bulk. Framing follows RFC 9112: chunked, then Content-Length, else (no body
 * for 1xx/204/304) the body runs until the server closes. Interim 1xx responses are skipped.
 */
final class ResponseParser {

    /** {@link #parse} found no complete response in the bytes given; feed it more. */
    static final int NEED_MORE = -1;
    /** {@link #parse} met bytes that are not an HTTP/1.x response; the connection is unusable. */
    static final int MALFORMED = -2;

    /** Larger status lines plus headers are treated as garbage, so a broken peer cannot keep a parse alive. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_LENGTH_DIGITS = 18;

    private static final byte[] HTTP_PREFIX = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final byte[][] HEADER_NAMES = {
            lowerAscii("content-length"), lowerAscii("transfer-encoding"), lowerAscii("connection")};
    private static final int CONTENT_LENGTH = 1;
    private static final int TRANSFER_ENCODING = 1 << 1;
    private static final int CONNECTION = 1 << 2;
    private static final int ALL_HEADERS = CONTENT_LENGTH | TRANSFER_ENCODING | CONNECTION;
    private static final byte[] CHUNKED = lowerAscii("chunked");
    private static final byte[] CLOSE = lowerAscii("close");
    private static final byte[] KEEP_ALIVE = lowerAscii("keep-alive");

    private static final int VERSION = 0;
    private static final int STATUS_CODE = 1;
    private static final int REASON = 2;
    private static final int HEADER_LINE_START = 3;
    private static final int HEADER_NAME = 4;
    private static final int HEADER_VALUE = 5;
    private static final int HEAD_END_LF = 6;
    private static final int BODY_LENGTH = 7;
    private static final int BODY_UNTIL_CLOSE = 8;
    private static final int CHUNK_SIZE = 9;
    private static final int CHUNK_EXTENSION = 10;
    private static final int CHUNK_DATA = 11;
    private static final int CHUNK_DATA_END = 12;
    private static final int TRAILER_LINE_START = 13;
    private static final int TRAILER_LINE = 14;

    private int state = VERSION;
    private int headBytes;
    private int index;
    private int minorVersion;
    private int status;
    private int candidates;
    private int header;
    private int valueMatchA;
    private int valueMatchB;
    private boolean chunked;
    private boolean connectionClose;
    private boolean keepAlive;
    private boolean sawContentLength;
    private int lengthDigits;
    private long remaining;
    private boolean sawChunkDigit;

    private int completedStatus;
    private boolean completedCloses;

    /**
     * Consumes bytes {@code [from, to)} of {@code buffer} (absolute indexes; position and limit are not
     * touched) up to the end of the first response that completes there.
     *
     * @return the index just past that response, {@link #NEED_MORE} when every byte was consumed without
     *     completing one, or {@link #MALFORMED}
     */
    int parse(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case BODY_LENGTH -> {
                    int take = (int) Math.min(remaining, to - i);
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        return complete(i);
                    }
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, to - i);
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        state = CHUNK_DATA_END;
                    }
                }
                case BODY_UNTIL_CLOSE -> i = to;
                case REASON, HEADER_VALUE, HEADER_NAME -> {
                    int skipped = skipUninteresting(buffer, i, to);
                    if (skipped < 0) {
                        return MALFORMED;
                    }
                    if (skipped > 0) {
                        i += skipped;
                        continue;
                    }
                    int result = step(buffer.get(i++));
                    if (result == MALFORMED) {
                        return MALFORMED;
                    }
                    if (result == 1) {
                        return complete(i);
                    }
                }
                default -> {
                    int result = step(buffer.get(i++));
                    if (result == MALFORMED) {
                        return MALFORMED;
                    }
                    if (result == 1) {
                        return complete(i);
                    }
                }
            }
        }
        return NEED_MORE;
    }

    /**
     * Skips, in a tight loop, the bytes of the head that need no decision: the reason phrase, the values of
     * headers that do not frame the body, and the rest of a header name that can no longer match one that does.
     * Stops before the byte that ends the stretch, which {@link #step} then handles.
     *
     * @return bytes skipped (0 when the next byte needs {@link #step}), or {@link #MALFORMED} past the head limit
     */
    private int skipUninteresting(ByteBuffer buffer, int from, int to) {
        byte stop;
        if (state == REASON || (state == HEADER_VALUE && header == 0)) {
            stop = '\n';
        } else if (state == HEADER_NAME && candidates == 0) {
            stop = ':';
        } else {
            return 0;
        }
        int i = from;
        while (i < to) {
            byte b = buffer.get(i);
            if (b == stop || b == '\n') {
                break;
            }
            i++;
        }
        int skipped = i - from;
        headBytes += skipped;
        index += skipped;
        return headBytes > MAX_HEAD_BYTES ? MALFORMED : skipped;
    }

    /**
     * The peer closed the connection. A response whose body runs until close is complete now.
     *
     * @return true when a response completed at end of stream
     */
    boolean completesAtEndOfStream() {
        if (state == BODY_UNTIL_CLOSE) {
            complete(0);
            return true;
        }
        return false;
    }

    /** True when no byte of a next response has been seen: a close now loses nothing in this parse. */
    boolean betweenResponses() {
        return state == VERSION && index == 0;
    }

    /** Status code of the response that last completed. */
    int status() {
        return completedStatus;
    }

    /** True when the response that last completed ends the connection (Connection: close, HTTP/1.0, or close-delimited body). */
    boolean serverCloses() {
        return completedCloses;
    }

    /** Forgets any partial response, for a new connection. */
    void reset() {
        state = VERSION;
        index = 0;
        headBytes = 0;
    }

    /** Advances the head or chunk framing by one byte: 0 to continue, 1 when a response completed, or {@link #MALFORMED}. */
    private int step(byte b) {
        if (state <= HEAD_END_LF && ++headBytes > MAX_HEAD_BYTES) {
            return MALFORMED;
        }
        switch (state) {
            case VERSION -> {
                if (index < HTTP_PREFIX.length) {
                    if (b != HTTP_PREFIX[index++]) {
                        return MALFORMED;
                    }
                } else if (index == HTTP_PREFIX.length) {
                    if (b < '0' || b > '9') {
                        return MALFORMED;
                    }
                    minorVersion = b - '0';
                    index++;
                } else if (b == ' ') {
                    state = STATUS_CODE;
                    index = 0;
                    status = 0;
                } else {
                    return MALFORMED;
                }
            }
            case STATUS_CODE -> {
                if (index < 3) {
                    if (b < '0' || b > '9') {
                        return MALFORMED;
                    }
                    status = status * 10 + (b - '0');
                    index++;
                } else if (b == ' ') {
                    state = REASON;
                } else if (b == '\r') {
                    state = REASON;
                } else if (b == '\n') {
                    startHeaders();
                } else {
                    return MALFORMED;
                }
            }
            case REASON -> {
                if (b == '\n') {
                    startHeaders();
                }
            }
            case HEADER_LINE_START -> {
                if (b == '\r') {
                    state = HEAD_END_LF;
                } else if (b == '\n') {
                    return endOfHead();
                } else {
                    state = HEADER_NAME;
                    index = 0;
                    candidates = ALL_HEADERS;
                    matchName(b);
                }
            }
            case HEADER_NAME -> {
                if (b == ':') {
                    header = 0;
                    for (int h = 0; h < HEADER_NAMES.length; h++) {
                        if ((candidates & (1 << h)) != 0 && HEADER_NAMES[h].length == index) {
                            header = 1 << h;
                        }
                    }
                    if (header == CONTENT_LENGTH) {
                        sawContentLength = true;
                        remaining = 0;
                        lengthDigits = 0;
                    }
                    valueMatchA = 0;
                    valueMatchB = 0;
                    state = HEADER_VALUE;
                } else if (b == '\n') {
                    return MALFORMED;
                } else {
                    matchName(b);
                }
            }
            case HEADER_VALUE -> {
                if (b == '\n') {
                    state = HEADER_LINE_START;
                } else if (header != 0 && b != '\r') {
                    return headerValueByte(b);
                }
            }
            case HEAD_END_LF -> {
                if (b != '\n') {
                    return MALFORMED;
                }
                return endOfHead();
            }
            case CHUNK_SIZE -> {
                int digit = hexDigit(b);
                if (digit >= 0) {
                    if (remaining > (Long.MAX_VALUE >> 4)) {
                        return MALFORMED;
                    }
                    remaining = (remaining << 4) | digit;
                    sawChunkDigit = true;
                } else if (b == ';' || b == ' ' || b == '\t') {
                    state = CHUNK_EXTENSION;
                } else if (b == '\n') {
                    return endOfChunkSize();
                } else if (b != '\r') {
                    return MALFORMED;
                }
            }
            case CHUNK_EXTENSION -> {
                if (b == '\n') {
                    return endOfChunkSize();
                }
            }
            case CHUNK_DATA_END -> {
                if (b == '\n') {
                    state = CHUNK_SIZE;
                    remaining = 0;
                    sawChunkDigit = false;
                } else if (b != '\r') {
                    return MALFORMED;
                }
            }
            case TRAILER_LINE_START -> {
                if (b == '\n') {
                    return 1;
                }
                if (b != '\r') {
                    state = TRAILER_LINE;
                }
            }
            case TRAILER_LINE -> {
                if (b == '\n') {
                    state = TRAILER_LINE_START;
                }
            }
            default -> throw new IllegalStateException("parser state " + state);
        }
        return 0;
    }

    private void startHeaders() {
        state = HEADER_LINE_START;
        chunked = false;
        connectionClose = false;
        keepAlive = false;
        sawContentLength = false;
        remaining = 0;
    }

    /** Drops header-name candidates that the next (lower-cased) byte rules out. */
    private void matchName(byte b) {
        byte lower = (byte) (b | 0x20);
        for (int h = 0; h < HEADER_NAMES.length; h++) {
            int bit = 1 << h;
            if ((candidates & bit) != 0) {
                byte[] name = HEADER_NAMES[h];
                if (index >= name.length || name[index] != lower) {
                    candidates &= ~bit;
                }
            }
        }
        index++;
    }

    private int headerValueByte(byte b) {
        if (header == CONTENT_LENGTH) {
            if (b >= '0' && b <= '9') {
                if (++lengthDigits > MAX_LENGTH_DIGITS) {
                    return MALFORMED;
                }
                remaining = remaining * 10 + (b - '0');
            } else if (b != ' ' && b != '\t') {
                return MALFORMED;
            }
            return 0;
        }
        byte lower = (byte) (b | 0x20);
        if (header == TRANSFER_ENCODING) {
            valueMatchA = advanceMatch(CHUNKED, valueMatchA, lower);
            if (valueMatchA == CHUNKED.length) {
                chunked = true;
                valueMatchA = 0;
            }
        } else {
            valueMatchA = advanceMatch(CLOSE, valueMatchA, lower);
            if (valueMatchA == CLOSE.length) {
                connectionClose = true;
                valueMatchA = 0;
            }
            valueMatchB = advanceMatch(KEEP_ALIVE, valueMatchB, lower);
            if (valueMatchB == KEEP_ALIVE.length) {
                keepAlive = true;
                valueMatchB = 0;
            }
        }
        return 0;
    }

    /** Substring matching one byte at a time; correct because none of the patterns repeats its first letter. */
    private static int advanceMatch(byte[] pattern, int matched, byte lower) {
        if (pattern[matched] == lower) {
            return matched + 1;
        }
        return pattern[0] == lower ? 1 : 0;
    }

    private int endOfHead() {
        if (status >= 100 && status < 200 && status != 101) {
            // An interim response (100 Continue, 103 Early Hints): the real one follows on the same stream.
            state = VERSION;
            index = 0;
            headBytes = 0;
            return 0;
        }
        headBytes = 0;
        boolean closes = connectionClose || (minorVersion == 0 && !keepAlive);
        completedCloses = closes;
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return 1;
        }
        if (chunked) {
            state = CHUNK_SIZE;
            remaining = 0;
            sawChunkDigit = false;
            return 0;
        }
        if (sawContentLength) {
            if (remaining == 0) {
                return 1;
            }
            state = BODY_LENGTH;
            return 0;
        }
        completedCloses = true;
        state = BODY_UNTIL_CLOSE;
        return 0;
    }

    private int endOfChunkSize() {
        if (!sawChunkDigit) {
            return MALFORMED;
        }
        if (remaining == 0) {
            state = TRAILER_LINE_START;
        } else {
            state = CHUNK_DATA;
        }
        return 0;
    }

    private int complete(int end) {
        completedStatus = status;
        state = VERSION;
        index = 0;
        headBytes = 0;
        return end;
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    private static byte[] lowerAscii(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) s.charAt(i);
        }
        return bytes;
    }
}
