package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static final String PLAIN = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nHello\r\n8\r\n, World!\r\n0\r\nTrailer-Field: x\r\n\r\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n";
    private static final String SERVER_ERROR_CLOSE = "HTTP/1.1 503 Service Unavailable\r\nCONNECTION: Close\r\nContent-Length: 4\r\n\r\nbusy";

    /** Parses {@code input} in slices of {@code slice} bytes, as reads would deliver it, returning each response's status. */
    private static List<Integer> statuses(String input, int slice) {
        ResponseParser parser = new ResponseParser();
        ByteBuffer buffer = ByteBuffer.wrap(input.getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> statuses = new ArrayList<>();
        for (int start = 0; start < buffer.capacity(); start += slice) {
            int end = Math.min(buffer.capacity(), start + slice);
            int position = start;
            while (position < end) {
                int next = parser.parse(buffer, position, end);
                if (next == ResponseParser.NEED_MORE) {
                    break;
                }
                assertTrue(next != ResponseParser.MALFORMED, "malformed at " + position);
                statuses.add(parser.status());
                position = next;
            }
        }
        assertTrue(parser.betweenResponses(), "input ends inside a response");
        return statuses;
    }

    @Test
    void contentLengthBodyEndsAfterItsLength() {
        assertEquals(List.of(200), statuses(PLAIN, 1 << 16));
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailersEndsAfterTheLastChunk() {
        assertEquals(List.of(201), statuses(CHUNKED, 1 << 16));
    }

    @Test
    void pipelinedResponsesInOneBufferCompleteInOrder() {
        String stream = PLAIN + NOT_FOUND + CHUNKED + PLAIN + SERVER_ERROR_CLOSE;
        assertEquals(List.of(200, 404, 201, 200, 503), statuses(stream, 1 << 16));
    }

    @Test
    void responsesSplitAtEveryByteBoundaryParseTheSame() {
        String stream = PLAIN + CHUNKED + NOT_FOUND + CHUNKED;
        for (int slice = 1; slice <= 17; slice++) {
            assertEquals(List.of(200, 201, 404, 201), statuses(stream, slice), "slice " + slice);
        }
    }

    @Test
    void interimResponsesAreSkippedAndNoContentHasNoBody() {
        String stream = "HTTP/1.1 100 Continue\r\n\r\n" + PLAIN + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n" + NOT_FOUND;
        assertEquals(List.of(200, 204, 304, 404), statuses(stream, 1 << 16));
    }

    @Test
    void bareLineFeedsAndUppercaseHexAreAccepted() {
        String stream = "HTTP/1.1 200 OK\nTransfer-Encoding: Chunked\n\nA\n0123456789\n0\n\n" + PLAIN;
        assertEquals(List.of(200, 200), statuses(stream, 3));
    }

    @Test
    void connectionCloseAndHttp10WithoutKeepAliveEndTheConnection() {
        ResponseParser parser = parsed(SERVER_ERROR_CLOSE);
        assertTrue(parser.serverCloses());
        assertFalse(parsed(PLAIN).serverCloses());
        assertTrue(parsed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").serverCloses());
        assertFalse(parsed("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n").serverCloses());
    }

    @Test
    void bodyWithoutLengthRunsUntilTheServerCloses() {
        ResponseParser parser = new ResponseParser();
        ByteBuffer buffer = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome bytes, then close");
        assertEquals(ResponseParser.NEED_MORE, parser.parse(buffer, 0, buffer.capacity()));
        assertTrue(parser.completesAtEndOfStream());
        assertEquals(200, parser.status());
        assertTrue(parser.serverCloses());
    }

    @Test
    void endOfStreamInsideALengthDelimitedBodyCompletesNothing() {
        ResponseParser parser = new ResponseParser();
        ByteBuffer buffer = ascii(PLAIN.substring(0, PLAIN.length() - 3));
        assertEquals(ResponseParser.NEED_MORE, parser.parse(buffer, 0, buffer.capacity()));
        assertFalse(parser.completesAtEndOfStream());
        assertFalse(parser.betweenResponses());
    }

    @Test
    void bytesThatAreNotAResponseAreMalformed() {
        for (String garbage : List.of("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            ResponseParser parser = new ResponseParser();
            ByteBuffer buffer = ascii(garbage);
            assertEquals(ResponseParser.MALFORMED, parser.parse(buffer, 0, buffer.capacity()), garbage);
        }
    }

    @Test
    void aHeadThatNeverEndsIsMalformedInsteadOfParsedForever() {
        ResponseParser parser = new ResponseParser();
        ByteBuffer start = ascii("HTTP/1.1 200 OK\r\nX-Padding: ");
        assertEquals(ResponseParser.NEED_MORE, parser.parse(start, 0, start.capacity()));
        ByteBuffer padding = ascii("p".repeat(8192));
        int result = ResponseParser.NEED_MORE;
        for (int i = 0; i < 16 && result == ResponseParser.NEED_MORE; i++) {
            result = parser.parse(padding, 0, padding.capacity());
        }
        assertEquals(ResponseParser.MALFORMED, result);
    }

    private static ResponseParser parsed(String response) {
        ResponseParser parser = new ResponseParser();
        ByteBuffer buffer = ascii(response);
        assertEquals(buffer.capacity(), parser.parse(buffer, 0, buffer.capacity()));
        return parser;
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
