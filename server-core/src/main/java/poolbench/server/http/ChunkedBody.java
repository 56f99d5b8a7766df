package poolbench.server.http;

/**
 * Skips a chunked request body (RFC 9112 §7.1) as it arrives, in any pieces, without keeping it: chunk sizes,
 * extensions, data, the last chunk and the trailer section. No endpoint reads a body, so decoding one is knowing
 * where it ends; a recipient must be able to do that much. One instance per connection loop, reset per body.
 */
public final class ChunkedBody {

    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER, TRAILER_LF,
        FINAL_LF, DONE }

    /** More hex digits than this would overflow the size's long. */
    private static final int MAX_SIZE_DIGITS = 15;

    private final long maxBodyBytes;
    private final int maxLineBytes;
    private State state;
    private long chunkLeft;
    private long total;
    private int digits;
    private int lineBytes;
    private int status;

    public ChunkedBody(long maxBodyBytes, int maxLineBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxLineBytes = maxLineBytes;
    }

    public void reset() {
        state = State.SIZE;
        chunkLeft = total = 0;
        digits = lineBytes = 0;
        status = 0;
    }

    /** Whether the whole body, trailer section included, has been skipped. */
    public boolean done() {
        return state == State.DONE;
    }

    /**
     * Why the body is broken, as a negative status: malformed (400), too large (413), a trailer too large (431); 0
     * while it is fine. No one answers it: the body's request has had its response, so the connection just ends.
     */
    public int status() {
        return status;
    }

    /**
     * Skips what of the body lies in {@code buf[start, end)} and returns where the body (or the bytes) ended; the
     * body is over when {@link #done}, broken when {@link #status} is negative.
     */
    public int skip(byte[] buf, int start, int end) {
        int p = start;
        while (p < end && state != State.DONE) {
            if (state == State.DATA) {
                int n = (int) Math.min(chunkLeft, end - p);
                p += n;
                chunkLeft -= n;
                if (chunkLeft == 0) {
                    state = State.DATA_CR;
                }
                continue;
            }
            byte b = buf[p++];
            if (!step(b)) {
                return p;
            }
        }
        return p;
    }

    /** One byte outside chunk data; false when the body is broken. */
    private boolean step(byte b) {
        switch (state) {
            case SIZE -> {
                int hex = hex(b);
                if (hex >= 0) {
                    if (++digits > MAX_SIZE_DIGITS) {
                        return fail(RequestParser.PAYLOAD_TOO_LARGE);
                    }
                    chunkLeft = chunkLeft * 16 + hex;
                } else if (digits > 0 && (b == ';' || b == ' ' || b == '\t')) {
                    state = State.EXTENSION;
                } else if (digits > 0 && b == '\r') {
                    state = State.SIZE_LF;
                } else {
                    return fail(RequestParser.BAD_REQUEST);
                }
            }
            case EXTENSION -> {
                if (b == '\r') {
                    state = State.SIZE_LF;
                } else if (b < 0x20 && b != '\t' || b == 0x7f || ++lineBytes > maxLineBytes) {
                    return fail(RequestParser.BAD_REQUEST);
                }
            }
            case SIZE_LF -> {
                if (b != '\n') {
                    return fail(RequestParser.BAD_REQUEST);
                }
                digits = lineBytes = 0;
                if (chunkLeft == 0) {
                    state = State.TRAILER_START;
                } else {
                    total += chunkLeft;
                    if (total > maxBodyBytes) {
                        return fail(RequestParser.PAYLOAD_TOO_LARGE);
                    }
                    state = State.DATA;
                }
            }
            case DATA_CR -> {
                if (b != '\r') {
                    return fail(RequestParser.BAD_REQUEST);
                }
                state = State.DATA_LF;
            }
            case DATA_LF -> {
                if (b != '\n') {
                    return fail(RequestParser.BAD_REQUEST);
                }
                state = State.SIZE;
            }
            case TRAILER_START -> {
                if (b == '\r') {
                    state = State.FINAL_LF;
                } else {
                    state = State.TRAILER;
                    return trailerByte(b);
                }
            }
            case TRAILER -> {
                return trailerByte(b);
            }
            case TRAILER_LF, FINAL_LF -> {
                if (b != '\n') {
                    return fail(RequestParser.BAD_REQUEST);
                }
                state = state == State.FINAL_LF ? State.DONE : State.TRAILER_START;
            }
            default -> throw new IllegalStateException("no byte is read in state " + state);
        }
        return true;
    }

    private boolean trailerByte(byte b) {
        if (b == '\r') {
            state = State.TRAILER_LF;
            return true;
        }
        // Trailer fields are skipped, not used; bounded like a header section.
        if (b == '\n' || b == 0 || ++lineBytes > maxLineBytes) {
            return fail(lineBytes > maxLineBytes ? RequestParser.HEADERS_TOO_LARGE : RequestParser.BAD_REQUEST);
        }
        return true;
    }

    private boolean fail(int negativeStatus) {
        status = negativeStatus;
        return false;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
