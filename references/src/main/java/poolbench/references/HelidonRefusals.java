package poolbench.references;

import java.util.Locale;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import poolbench.server.endpoints.Replies;
import poolbench.server.http.ResponseWriter;

/**
 * Answers what Helidon refuses before routing (a malformed request, a limit exceeded, HTTP/1.0) as server-core
 * does: the reason in lower case as text/plain, then close — instead of Helidon's empty body.
 *
 * <p>Helidon reports headers over {@code maxHeadersSize} as a plain 400 and hands a direct handler no cause to
 * tell it apart, so that one stays 400 where server-core answers 431.
 */
final class HelidonRefusals implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        byte[] body = ResponseWriter.ascii(status.reasonPhrase().toLowerCase(Locale.ROOT));
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Replies.ContentType.TEXT_PLAIN.value())
                .keepAlive(false)
                .entity(body)
                .build();
    }
}
