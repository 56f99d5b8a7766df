package poolbench.references;

import java.nio.ByteBuffer;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import poolbench.server.endpoints.Replies;
import poolbench.server.http.ResponseWriter;

/**
 * Answers what Jetty refuses before any handler runs (a malformed request, headers over the limit) as server-core
 * does: the reason in lower case as text/plain, no cache headers, and {@code Connection: close} — Jetty closes
 * such a connection anyway, and this says so, rather than sending an HTML error page.
 */
final class JettyErrorHandler extends ErrorHandler {

    JettyErrorHandler() {
        setCacheControl(null);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        byte[] body = ResponseWriter.ascii(reason == null ? Integer.toString(code) : reason.toLowerCase(Locale.ROOT));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.ContentType.TEXT_PLAIN.value());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
