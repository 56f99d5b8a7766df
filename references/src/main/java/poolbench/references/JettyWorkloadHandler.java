package poolbench.references;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Replies;
import poolbench.server.endpoints.Replies.Reply;
import poolbench.server.http.ResponseWriter.Status;

/**
 * The workloads on Jetty's core API. A blocking {@link Handler.Abstract}, deliberately not
 * {@code Handler.Abstract.NonBlocking}: Jetty may run a non-blocking handler on the selector thread, and then
 * the thread pool under test would serve nothing.
 *
 * <p>Jetty has no limit on the request line or the declared body, so this handler applies server-core's:
 * a request line longer than {@link ServerConfig#maxRequestLineBytes()} is 414, a Content-Length above
 * {@link ServerConfig#maxBodyBytes()} is 413, both closing the connection as server-core does. The header limit
 * (431) is Jetty's own {@code requestHeaderSize}.
 */
final class JettyWorkloadHandler extends Handler.Abstract {

    private static final PreEncodedHttpField TEXT_PLAIN =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Replies.ContentType.TEXT_PLAIN.value());
    private static final PreEncodedHttpField APPLICATION_JSON =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Replies.ContentType.APPLICATION_JSON.value());
    private static final PreEncodedHttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD");
    private static final PreEncodedHttpField CONNECTION_CLOSE =
            new PreEncodedHttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    private static final Reply URI_TOO_LONG = Replies.refusal(Status.URI_TOO_LONG);
    private static final Reply PAYLOAD_TOO_LARGE = Replies.refusal(Status.PAYLOAD_TOO_LARGE);
    /** The spaces and {@code HTTP/1.1} around the method and target. */
    private static final int REQUEST_LINE_OVERHEAD = 2 + "HTTP/1.1".length();

    private final LongAdder requests;
    private final int maxRequestLineBytes;
    private final long maxBodyBytes;

    JettyWorkloadHandler(ServerConfig config, LongAdder requests) {
        this.requests = requests;
        this.maxRequestLineBytes = config.maxRequestLineBytes();
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        requests.increment();
        String method = request.getMethod();
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String query = uri.getQuery();
        int requestLine = method.length() + path.length() + (query == null ? 0 : query.length() + 1)
                + REQUEST_LINE_OVERHEAD;
        HttpFields.Mutable headers = response.getHeaders();
        Reply reply;
        if (requestLine > maxRequestLineBytes) {
            reply = URI_TOO_LONG;
            headers.put(CONNECTION_CLOSE);
        } else if (request.getLength() > maxBodyBytes) {
            reply = PAYLOAD_TOO_LARGE;
            headers.put(CONNECTION_CLOSE);
        } else {
            reply = ReferenceEndpoints.reply(method, path, query);
        }
        response.setStatus(reply.status().code);
        headers.put(switch (reply.contentType()) {
            case TEXT_PLAIN -> TEXT_PLAIN;
            case APPLICATION_JSON -> APPLICATION_JSON;
        });
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        if (reply.status() == Status.METHOD_NOT_ALLOWED) {
            headers.put(ALLOW);
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }
}
