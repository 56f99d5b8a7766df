package poolbench.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import poolbench.server.accept.ServerConfig;

/**
 * Parses an HTTP/1.1 request head straight out of a byte buffer into a reused {@link Request}.
 *
 * <p>{@link #parse} looks at the bytes in {@code [start, end)}: when they hold a whole head it returns the head's
 * length; when the head is still arriving it returns {@link #NEED_MORE} (the caller reads more and calls again
 * from the same start; heads are small, so re-scanning is cheaper than keeping parse state); when the bytes can
 * never become a valid request it returns a negative HTTP status for the caller to answer before closing.
 *
 * <p>Strict where leniency would let requests be misread (bare LF, obs-fold, bad Content-Length, both a
 * Content-Length and a Transfer-Encoding; an HTTP/1.1 request without exactly one valid Host, RFC 9112 §3.2; a
 * fragment in the target, which is no part of a request target, RFC 9112 §3.2). {@code Transfer-Encoding: chunked}
 * marks the request {@link Request#chunked()} for the caller to skip with {@link ChunkedBody}; a transfer coding the
 * server does not decode is refused with 501 (RFC 9112 §6.1), and codings whose last is not one chunked with 400
 * (§6.3). Lenient where RFC 9112 asks it to be: empty lines before a request are skipped (§2.2), absolute-form
 * targets are accepted and routed by their path (§3.2.2), {@code OPTIONS *} is a request (§3.2.4), and HTTP/1.x
 * above 1.1 is served as 1.1 (RFC 9110 §2.5), and a Content-Length may have leading zeros (its grammar is 1*DIGIT,
 * RFC 9110 §8.6). Connection options are matched as comma-separated tokens (RFC 9110 §7.6.1). Methods are told
 * apart case-sensitively (RFC 9110 §9.1): one the server does not recognise is {@link Request.Method#UNRECOGNISED}.
 */
public final class RequestParser {

    public static final int NEED_MORE = 0;
    public static final int BAD_REQUEST = -400;
    public static final int PAYLOAD_TOO_LARGE = -413;
    public static final int URI_TOO_LONG = -414;
    public static final int HEADERS_TOO_LARGE = -431;
    public static final int NOT_IMPLEMENTED = -501;
    public static final int VERSION_NOT_SUPPORTED = -505;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte SP = ' ';

    /** The methods RFC 9110 (and RFC 5789, PATCH) define that no endpoint serves: 405, not 501. */
    private static final byte[][] OTHER_KNOWN_METHODS = {ascii("PUT"), ascii("DELETE"), ascii("CONNECT"),
            ascii("TRACE"), ascii("PATCH")};

    /*
     * What the Transfer-Encoding fields say, folded over all their comma-separated codings in order (RFC 9112 §6.1:
     * several fields are one list). Only a list of exactly one chunked frames a body.
     */
    /** At least one coding was listed. */
    private static final int CODINGS_LISTED = 1;
    /** More than one coding was listed. */
    private static final int CODINGS_SEVERAL = 1 << 1;
    /** The last coding listed so far is chunked. */
    private static final int CODINGS_END_CHUNKED = 1 << 2;
    /** A coding other than chunked and identity (identity means none): one the server does not decode. */
    private static final int CODINGS_UNKNOWN = 1 << 3;

    /* The header names the parser acts on, and the tokens it looks for, in lower case. */
    private static final byte[] HOST = ascii("host");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] EXPECT = ascii("expect");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONTINUE_100 = ascii("100-continue");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] IDENTITY = ascii("identity");
    private static final byte[] HTTP_SCHEME = ascii("http://");
    private static final byte[] HTTPS_SCHEME = ascii("https://");

    /** RFC 9110 tchar: the bytes a method or header name is made of. */
    private static final boolean[] TCHAR = new boolean[256];
    /** The bytes a Host value (RFC 3986 uri-host [":" port]) is made of: unreserved, sub-delims, '%', ':', '[', ']'. */
    private static final boolean[] HOST_CHAR = new boolean[256];

    static {
        for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:[]"
                .toCharArray()) {
            HOST_CHAR[c] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    public RequestParser(int maxRequestLineBytes, int maxHeaderBytes, long maxBodyBytes) {
        this.maxRequestLineBytes = maxRequestLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    public RequestParser(ServerConfig config) {
        this(config.maxRequestLineBytes(), config.maxHeaderBytes(), config.maxBodyBytes());
    }

    /**
     * Parses the head starting at {@code start}. Returns its length in bytes (> 0), {@link #NEED_MORE}, or a
     * negative status.
     */
    public int parse(byte[] buf, int start, int end, Request req) {
        req.reset();
        // Empty lines before the request line are skipped (RFC 9112 §2.2); they count towards its limit.
        int lineLimit = Math.min(end, start + maxRequestLineBytes);
        int line = start;
        while (line < lineLimit && buf[line] == CR) {
            if (line + 1 >= lineLimit) {
                return end - start >= maxRequestLineBytes ? URI_TOO_LONG : NEED_MORE;
            }
            if (buf[line + 1] != LF) {
                return BAD_REQUEST;
            }
            line += 2;
        }
        int lineEnd = findLineEnd(buf, line, lineLimit);
        if (lineEnd < 0) {
            if (lineEnd == BAD_REQUEST) {
                return BAD_REQUEST;
            }
            return end - start >= maxRequestLineBytes ? URI_TOO_LONG : NEED_MORE;
        }
        int status = parseRequestLine(buf, line, lineEnd, req);
        if (status < 0) {
            return status;
        }
        int headLimit = Math.min(end, start + maxHeaderBytes);
        int p = lineEnd + 2;
        boolean sawContentLength = false;
        boolean sawTransferEncoding = false;
        int codings = 0;
        int hosts = 0;
        while (true) {
            int eol = findLineEnd(buf, p, headLimit);
            if (eol < 0) {
                if (eol == BAD_REQUEST) {
                    return BAD_REQUEST;
                }
                return end - start >= maxHeaderBytes ? HEADERS_TOO_LARGE : NEED_MORE;
            }
            if (eol == p) {
                break;
            }
            int colon = p;
            while (colon < eol && TCHAR[buf[colon] & 0xff]) {
                colon++;
            }
            if (colon == p || colon == eol || buf[colon] != ':') {
                return BAD_REQUEST;
            }
            int v = colon + 1;
            while (v < eol && (buf[v] == SP || buf[v] == '\t')) {
                v++;
            }
            int ve = eol;
            while (ve > v && (buf[ve - 1] == SP || buf[ve - 1] == '\t')) {
                ve--;
            }
            for (int i = v; i < ve; i++) {
                int c = buf[i] & 0xff;
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return BAD_REQUEST;
                }
            }
            int nameLen = colon - p;
            if (isName(buf, p, nameLen, HOST)) {
                if (++hosts > 1 || !validHost(buf, v, ve)) {
                    return BAD_REQUEST;
                }
            } else if (isName(buf, p, nameLen, CONNECTION)) {
                connectionOptions(buf, v, ve, req);
            } else if (isName(buf, p, nameLen, EXPECT)) {
                // RFC 9110 §10.1.1: a 1.0 client's 100-continue is to be ignored.
                req.expectContinue = !req.http10 && ve - v == 12 && equalsLower(buf, v, CONTINUE_100);
            } else if (isName(buf, p, nameLen, CONTENT_LENGTH)) {
                long length = parseLength(buf, v, ve);
                if (length < 0 || sawContentLength && length != req.contentLength) {
                    return BAD_REQUEST;
                }
                sawContentLength = true;
                req.contentLength = length;
            } else if (isName(buf, p, nameLen, TRANSFER_ENCODING)) {
                codings = transferCodings(buf, v, ve, codings);
                sawTransferEncoding = true;
            }
            p = eol + 2;
        }
        if (hosts == 0 && !req.http10) {
            return BAD_REQUEST;
        }
        if (sawTransferEncoding) {
            // With a Content-Length too this is the request-smuggling shape; chunked on HTTP/1.0 is faulty (RFC 9112
            // §6.1). A coding we do not decode is 501 (§6.1); any other list but chunked alone either does not end in
            // chunked or applies it twice, and the body's length cannot be known: 400 (§6.3).
            if (sawContentLength || req.http10) {
                return BAD_REQUEST;
            }
            if ((codings & CODINGS_UNKNOWN) != 0) {
                return NOT_IMPLEMENTED;
            }
            if (codings != (CODINGS_LISTED | CODINGS_END_CHUNKED)) {
                return BAD_REQUEST;
            }
            req.chunked = true;
        }
        if (req.contentLength > maxBodyBytes) {
            return PAYLOAD_TOO_LARGE;
        }
        return p + 2 - start;
    }

    /**
     * The index of the CR of the first CRLF in [from, limit), or -1 when there is none yet, or BAD_REQUEST for a
     * bare LF or a NUL.
     */
    private static int findLineEnd(byte[] buf, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte b = buf[i];
            if (b == LF || b == 0) {
                return BAD_REQUEST;
            }
            if (b == CR) {
                if (i + 1 >= limit) {
                    return -1;
                }
                return buf[i + 1] == LF ? i : BAD_REQUEST;
            }
        }
        return -1;
    }

    private static int parseRequestLine(byte[] buf, int start, int end, Request req) {
        int p = start;
        while (p < end && TCHAR[buf[p] & 0xff]) {
            p++;
        }
        if (p == start || p >= end || buf[p] != SP) {
            return BAD_REQUEST;
        }
        req.method = method(buf, start, p - start);
        int target = ++p;
        int query = -1;
        while (p < end && buf[p] != SP) {
            int c = buf[p] & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '#') {
                return BAD_REQUEST;
            }
            if (c == '?' && query < 0) {
                query = p;
            }
            p++;
        }
        if (p == target || p >= end) {
            return BAD_REQUEST;
        }
        int path = target;
        if (buf[target] == '*') {
            // The asterisk-form, for a server-wide OPTIONS only (RFC 9112 §3.2.4).
            if (p - target != 1 || req.method != Request.Method.OPTIONS) {
                return BAD_REQUEST;
            }
        } else if (buf[target] != '/') {
            path = absoluteFormPath(buf, target, query < 0 ? p : query);
            if (path < 0) {
                return BAD_REQUEST;
            }
        }
        req.targetStart = path;
        req.targetEnd = p;
        req.pathEnd = query < 0 ? p : query;
        p++;
        if (end - p != 8 || buf[p] != 'H' || buf[p + 1] != 'T' || buf[p + 2] != 'T' || buf[p + 3] != 'P'
                || buf[p + 4] != '/' || !isDigit(buf[p + 5]) || buf[p + 6] != '.' || !isDigit(buf[p + 7])) {
            return BAD_REQUEST;
        }
        // HTTP/1.2 and up are served as 1.1, the highest minor version we speak (RFC 9110 §2.5).
        if (buf[p + 5] != '1') {
            return VERSION_NOT_SUPPORTED;
        }
        req.http10 = buf[p + 7] == '0';
        req.keepAlive = !req.http10;
        return 0;
    }

    /**
     * Where the path of an absolute-form target ({@code http://host[:port]/path}, RFC 9112 §3.2.2) starts: after
     * the authority, at its '/' or, when there is none, at {@code pathEnd} (an empty path); -1 when the target is
     * not an http or https URI with a valid authority.
     */
    private static int absoluteFormPath(byte[] buf, int target, int pathEnd) {
        int authority;
        if (pathEnd - target >= 7 && equalsLower(buf, target, HTTP_SCHEME)) {
            authority = target + 7;
        } else if (pathEnd - target >= 8 && equalsLower(buf, target, HTTPS_SCHEME)) {
            authority = target + 8;
        } else {
            return -1;
        }
        int slash = authority;
        while (slash < pathEnd && buf[slash] != '/') {
            slash++;
        }
        if (slash == authority || !validHost(buf, authority, slash)) {
            return -1;
        }
        return slash;
    }

    /** An empty value or one made of {@link #HOST_CHAR}s (RFC 9110 §7.2 allows an empty Host). */
    private static boolean validHost(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HOST_CHAR[buf[i] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a Connection header's comma-separated options: {@code close} ends the connection after this exchange,
     * {@code keep-alive} keeps an HTTP/1.0 one open; matched as whole tokens, so {@code notclose} is neither.
     */
    private static void connectionOptions(byte[] buf, int from, int to, Request req) {
        int p = from;
        while (p < to) {
            while (p < to && (buf[p] == ',' || buf[p] == SP || buf[p] == '\t')) {
                p++;
            }
            int tokenStart = p;
            while (p < to && buf[p] != ',' && buf[p] != SP && buf[p] != '\t') {
                p++;
            }
            int len = p - tokenStart;
            if (len == 5 && equalsLower(buf, tokenStart, CLOSE)) {
                req.keepAlive = false;
                req.closeAsked = true;
            } else if (len == 10 && req.http10 && !req.closeAsked && equalsLower(buf, tokenStart, KEEP_ALIVE)) {
                req.keepAlive = true;
            }
        }
    }

    /**
     * Folds the codings of one Transfer-Encoding value into {@code codings} (the {@code CODINGS_} bits): a
     * comma-separated list whose empty elements are ignored (RFC 9110 §5.6.1), each coding matched case-insensitively
     * as a whole element, so that neither {@code xchunked} nor {@code chunked;x=1} is chunked.
     */
    private static int transferCodings(byte[] buf, int from, int to, int codings) {
        int p = from;
        while (p < to) {
            while (p < to && (buf[p] == ',' || buf[p] == SP || buf[p] == '\t')) {
                p++;
            }
            if (p == to) {
                break;
            }
            int start = p;
            while (p < to && buf[p] != ',') {
                p++;
            }
            int end = p;
            while (buf[end - 1] == SP || buf[end - 1] == '\t') {
                end--;
            }
            codings |= (codings & CODINGS_LISTED) != 0 ? CODINGS_SEVERAL : CODINGS_LISTED;
            if (end - start == 7 && equalsLower(buf, start, CHUNKED)) {
                codings |= CODINGS_END_CHUNKED;
            } else {
                codings &= ~CODINGS_END_CHUNKED;
                if (end - start != 8 || !equalsLower(buf, start, IDENTITY)) {
                    codings |= CODINGS_UNKNOWN;
                }
            }
        }
        return codings;
    }

    private static Request.Method method(byte[] buf, int start, int len) {
        if (len == 3 && buf[start] == 'G' && buf[start + 1] == 'E' && buf[start + 2] == 'T') {
            return Request.Method.GET;
        }
        if (len == 4 && buf[start] == 'H' && buf[start + 1] == 'E' && buf[start + 2] == 'A' && buf[start + 3] == 'D') {
            return Request.Method.HEAD;
        }
        if (len == 4 && buf[start] == 'P' && buf[start + 1] == 'O' && buf[start + 2] == 'S' && buf[start + 3] == 'T') {
            return Request.Method.POST;
        }
        if (len == 7 && buf[start] == 'O' && buf[start + 1] == 'P' && buf[start + 2] == 'T' && buf[start + 3] == 'I'
                && buf[start + 4] == 'O' && buf[start + 5] == 'N' && buf[start + 6] == 'S') {
            return Request.Method.OPTIONS;
        }
        for (byte[] known : OTHER_KNOWN_METHODS) {
            if (len == known.length && Arrays.equals(buf, start, start + len, known, 0, len)) {
                return Request.Method.OTHER;
            }
        }
        return Request.Method.UNRECOGNISED;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** A Content-Length value: digits only, leading zeros allowed, no overflow; -1 when it is not one. */
    private static long parseLength(byte[] buf, int from, int to) {
        int significant = from;
        while (significant < to - 1 && buf[significant] == '0') {
            significant++;
        }
        if (from == to || to - significant > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(buf[i])) {
                return -1;
            }
            n = n * 10 + (buf[i] - '0');
        }
        return n;
    }

    /**
     * Whether the header name in {@code buf[from, from + len)} is {@code lower}, ignoring ASCII case. Most names a
     * client sends are none of the few the parser acts on: the length, then the first byte, turn nearly all of
     * them away before the rest is compared.
     */
    static boolean isName(byte[] buf, int from, int len, byte[] lower) {
        return len == lower.length && (buf[from] | 0x20) == lower[0] && equalsLower(buf, from, lower, 1);
    }

    /** Whether buf[from..] equals {@code lower} ignoring ASCII case; {@code lower} is lower case. */
    static boolean equalsLower(byte[] buf, int from, byte[] lower) {
        return equalsLower(buf, from, lower, 0);
    }

    /**
     * The same from the {@code skip}-th byte on. Folding with {@code | 0x20} is exact for the letters, digits and
     * punctuation of these constants: the only other bytes it maps onto them are control bytes, which no name,
     * target or value the parser compares may hold.
     */
    private static boolean equalsLower(byte[] buf, int from, byte[] lower, int skip) {
        for (int i = skip; i < lower.length; i++) {
            if ((buf[from + i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
