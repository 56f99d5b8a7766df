package poolbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Endpoints;
import poolbench.server.http.Request;
import poolbench.server.http.RequestParser;
import poolbench.server.http.ResponseWriter;

/** The parse suite measures what it claims only if its heads are whole, valid and answered 200. */
class RequestShapeTest {

    private final RequestParser parser = new RequestParser(ServerConfig.DEFAULTS);

    @Test
    void everyShapeParsesAsOneWholeKeepAliveGetAnsweredOk() throws IOException {
        for (RequestShape shape : RequestShape.values()) {
            byte[] head = shape.bytes();
            Request request = new Request();
            assertEquals(head.length, parser.parse(head, 0, head.length, request), shape.name());
            assertEquals(Request.Method.GET, request.method(), shape.name());
            assertTrue(request.keepAlive(), shape.name());
            ResponseWriter writer = new ResponseWriter(4096);
            Endpoints.respond(head, request, writer, OutputStream.nullOutputStream());
            String response = new String(writer.buffer(), 0, writer.pending(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), shape + ": " + response);
            assertTrue(response.endsWith("\r\n\r\nHello, World!"), shape + ": " + response);
        }
    }

    @Test
    void theBrowserHeadCarriesAboutFiveHundredBytesOfHeaders() {
        int requestLine = "GET /plaintext HTTP/1.1\r\n".length();
        int headers = RequestShape.BROWSER.bytes().length - requestLine;
        assertTrue(headers >= 450 && headers <= 600, headers + " bytes of headers");
    }

    @Test
    void theClosingVariantAsksTheServerToClose() {
        for (RequestShape shape : RequestShape.values()) {
            byte[] head = shape.closingBytes();
            Request request = new Request();
            assertEquals(head.length, parser.parse(head, 0, head.length, request), shape.name());
            assertFalse(request.keepAlive(), shape.name());
        }
    }
}
