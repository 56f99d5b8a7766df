package poolbench.server.http;

/**
 * One parsed request head, as offsets into the read buffer it was parsed from: the parser fills a reused
 * instance, so the hot path makes no Strings and no Maps.
 */
public final class Request {

    /**
     * The methods the parser tells apart. {@link #OTHER} is a method RFC 9110 (or RFC 5789) defines that no endpoint
     * serves (PUT, DELETE, CONNECT, TRACE, PATCH: answered 405); {@link #UNRECOGNISED} is any other token, a
     * lower-case {@code get} among them, since methods are case-sensitive (answered 501).
     */
    public enum Method { GET, HEAD, POST, OPTIONS, OTHER, UNRECOGNISED }

    Method method;
    int targetStart;
    int pathEnd;
    int targetEnd;
    boolean http10;
    boolean keepAlive;
    long contentLength;
    /** Connection: close was among the options (it wins over a keep-alive beside it). */
    boolean closeAsked;
    /** Transfer-Encoding: chunked: the body is framed by chunks, not by {@link #contentLength}. */
    boolean chunked;
    /** Expect: 100-continue on an HTTP/1.1 request. */
    boolean expectContinue;

    public Method method() {
        return method;
    }

    /** Whether the body is chunked (its length is then unknown until the last chunk). */
    public boolean chunked() {
        return chunked;
    }

    /** Whether an HTTP/1.1 client waits for 100 Continue before it sends the body (Expect: 100-continue). */
    public boolean expectContinue() {
        return expectContinue;
    }

    /**
     * Start of the request target's path in the buffer: past the scheme and authority of an absolute-form target;
     * the '*' of {@code OPTIONS *}.
     */
    public int targetStart() {
        return targetStart;
    }

    /** End of the path: the '?' of the query, or the end of the target. */
    public int pathEnd() {
        return pathEnd;
    }

    public int targetEnd() {
        return targetEnd;
    }

    public boolean http10() {
        return http10;
    }

    /** Whether the connection stays open after this exchange (the version's default, then Connection). */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** The body's length from Content-Length; 0 without a body. */
    public long contentLength() {
        return contentLength;
    }

    void reset() {
        method = null;
        targetStart = pathEnd = targetEnd = 0;
        http10 = false;
        keepAlive = true;
        contentLength = 0;
        closeAsked = false;
        chunked = false;
        expectContinue = false;
    }
}
