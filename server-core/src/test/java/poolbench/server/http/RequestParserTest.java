package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(64, 256, 1000);
    private final Request req = new Request();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private int parse(String s) {
        byte[] b = bytes(s);
        return parser.parse(b, 0, b.length, req);
    }

    private String path(byte[] b) {
        return new String(b, req.targetStart(), req.pathEnd() - req.targetStart(), StandardCharsets.ISO_8859_1);
    }

    /** The query as the parser delimits it, from its '?' to the end of the target. */
    private String query(byte[] b) {
        return new String(b, req.pathEnd(), req.targetEnd() - req.pathEnd(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void parsesAGetWithItsHeadLengthPathAndKeepAlive() {
        String head = "GET /plaintext HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n";
        byte[] b = bytes(head + "leftover");
        assertEquals(head.length(), parser.parse(b, 0, b.length, req));
        assertEquals(Request.Method.GET, req.method());
        assertEquals("/plaintext", path(b));
        assertTrue(req.keepAlive());
        assertFalse(req.http10());
        assertEquals(0, req.contentLength());
    }

    @Test
    void separatesPathFromQuery() {
        byte[] b = bytes("GET /sleep?ms=5&x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(parser.parse(b, 0, b.length, req) > 0);
        assertEquals("/sleep", path(b));
        assertEquals("?ms=5&x=1", query(b));
    }

    @Test
    void pipelinedRequestsParseOneAfterAnother() {
        String one = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";
        String two = "GET /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        byte[] b = bytes(one + two);
        int first = parser.parse(b, 0, b.length, req);
        assertEquals(one.length(), first);
        assertEquals("/plaintext", path(b));
        assertEquals(two.length(), parser.parse(b, first, b.length, req));
        assertEquals("/json", path(b));
        assertFalse(req.keepAlive());
    }

    @Test
    void aRequestSplitAtEveryByteNeedsMoreUntilWhole() {
        String head = "GET /json HTTP/1.1\r\nHost: example\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\n";
        byte[] b = bytes(head);
        for (int cut = 0; cut < b.length; cut++) {
            assertEquals(RequestParser.NEED_MORE, parser.parse(b, 0, cut, req), "cut at " + cut);
        }
        assertEquals(b.length, parser.parse(b, 0, b.length, req));
        assertEquals(3, req.contentLength());
    }

    @Test
    void http10ClosesUnlessItAsksForKeepAlive() {
        parse("GET / HTTP/1.0\r\n\r\n");
        assertTrue(req.http10());
        assertFalse(req.keepAlive());
        parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        assertTrue(req.keepAlive());
    }

    @Test
    void connectionCloseIsCaseInsensitive() {
        parse("GET / HTTP/1.1\r\nHost: x\r\nCONNECTION: Close\r\n\r\n");
        assertFalse(req.keepAlive());
    }

    @Test
    void methodsOtherThanGetAreToldApart() {
        assertTrue(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n") > 0);
        assertEquals(Request.Method.POST, req.method());
        for (String known : new String[] {"PUT", "DELETE", "CONNECT", "TRACE", "PATCH"}) {
            assertTrue(parse(known + " / HTTP/1.1\r\nHost: x\r\n\r\n") > 0, known);
            assertEquals(Request.Method.OTHER, req.method(), known);
        }
        for (String unknown : new String[] {"BREW", "get", "Get", "PUTS", "DELET"}) {
            assertTrue(parse(unknown + " / HTTP/1.1\r\nHost: x\r\n\r\n") > 0, unknown);
            assertEquals(Request.Method.UNRECOGNISED, req.method(), unknown);
        }
    }

    @Test
    void aContentLengthMayHaveLeadingZeros() {
        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 00000000000000000005\r\n\r\n";
        assertEquals(head.length(), parse(head));
        assertEquals(5, req.contentLength());
        parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 000\r\n\r\n");
        assertEquals(0, req.contentLength());
        assertEquals(RequestParser.PAYLOAD_TOO_LARGE,
                parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0000000000000000001001\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no version|GET /\\r\\n\\r\\n|-400",
        "two spaces|GET  / HTTP/1.1\\r\\n\\r\\n|-400",
        "no slash|GET x HTTP/1.1\\r\\n\\r\\n|-400",
        "lower-case version|GET / http/1.1\\r\\n\\r\\n|-400",
        "bare LF|GET / HTTP/1.1\\n\\n|-400",
        "CR without LF|GET / HTTP/1.1\\rX\\r\\n\\r\\n|-400",
        "NUL in line|GET /\\0 HTTP/1.1\\r\\n\\r\\n|-400",
        "space before colon|GET / HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|-400",
        "no colon|GET / HTTP/1.1\\r\\nHost\\r\\n\\r\\n|-400",
        "obs-fold|GET / HTTP/1.1\\r\\nA: b\\r\\n c\\r\\n\\r\\n|-400",
        "control byte in value|GET / HTTP/1.1\\r\\nA: b\\1c\\r\\n\\r\\n|-400",
        "content-length not a number|GET / HTTP/1.1\\r\\nContent-Length: 1x\\r\\n\\r\\n|-400",
        "content-length negative|GET / HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n|-400",
        "content-lengths differ|GET / HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n|-400",
        "length and chunked|POST / HTTP/1.1\\r\\nContent-Length: 1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|-400",
        "gzip then chunked|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n|-501",
        "xchunked|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: xchunked\\r\\n\\r\\n|-501",
        "chunked with a parameter|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked;x=1\\r\\n\\r\\n|-501",
        "gzip alone|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n|-501",
        "chunked then identity|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked, identity\\r\\n\\r\\n|-400",
        "identity alone|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: identity\\r\\n\\r\\n|-400",
        "identity then chunked|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: identity, chunked\\r\\n\\r\\n|-400",
        "chunked twice|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked, chunked\\r\\n\\r\\n|-400",
        "no coding|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: ,\\r\\n\\r\\n|-400",
        "two transfer-encodings|POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|-400",
        "a fragment in the target|GET /plaintext#frag HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n|-400",
        "content-length of 19 significant digits|GET / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1000000000000000000\\r\\n\\r\\n|-400",
        "chunked on HTTP/1.0|POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|-400",
        "body too large|POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1001\\r\\n\\r\\n|-413",
        "HTTP/2.0|GET / HTTP/2.0\\r\\n\\r\\n|-505",
        "HTTP/0.9|GET / HTTP/0.9\\r\\n\\r\\n|-505",
        "HTTP/1.1 without Host|GET / HTTP/1.1\\r\\nAccept: */*\\r\\n\\r\\n|-400",
        "two Hosts|GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: a\\r\\n\\r\\n|-400",
        "two Hosts on HTTP/1.0|GET / HTTP/1.0\\r\\nHost: a\\r\\nhost: b\\r\\n\\r\\n|-400",
        "Host with a space|GET / HTTP/1.1\\r\\nHost: a b\\r\\n\\r\\n|-400",
        "Host with a slash|GET / HTTP/1.1\\r\\nHost: a/b\\r\\n\\r\\n|-400",
        "Host with userinfo|GET / HTTP/1.1\\r\\nHost: u@a\\r\\n\\r\\n|-400",
        "asterisk but not OPTIONS|GET * HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n|-400",
        "absolute-form of another scheme|GET ftp://a/ HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n|-400",
        "absolute-form without authority|GET http:///x HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n|-400",
        "a CR alone before the request|\\rGET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n|-400"
    })
    void badRequestsGetTheirStatus(String name, String escaped, int expected) {
        String request = escaped.replace("\\r", "\r").replace("\\n", "\n")
                .replace("\\0", "\u0000").replace("\\1", "\u0001");
        assertEquals(expected, parse(request));
    }

    @Test
    void aRequestLineLongerThanTheLimitIs414() {
        assertEquals(RequestParser.URI_TOO_LONG, parse("GET /" + "a".repeat(80)));
        assertEquals(RequestParser.URI_TOO_LONG, parse("GET /" + "a".repeat(80) + " HTTP/1.1\r\n\r\n"));
    }

    @Test
    void headersLargerThanTheLimitAre431() {
        assertEquals(RequestParser.HEADERS_TOO_LARGE, parse("GET / HTTP/1.1\r\nA: " + "b".repeat(300)));
        assertEquals(RequestParser.HEADERS_TOO_LARGE,
                parse("GET / HTTP/1.1\r\n" + "A: b\r\n".repeat(60) + "\r\n"));
    }

    @Test
    void headersJustUnderTheLimitAreFine() {
        String head = "GET / HTTP/1.1\r\nHost: x\r\nA: " + "b".repeat(190) + "\r\n\r\n";
        assertTrue(head.length() <= 256);
        assertEquals(head.length(), parse(head));
    }

    @Test
    void obsTextInValuesIsAllowed() {
        byte[] b = bytes("GET / HTTP/1.1\r\nHost: x\r\nX: caf\u00e9\r\n\r\n");
        assertEquals(b.length, parser.parse(b, 0, b.length, req));
    }

    @Test
    void http11NeedsOneValidHostAndHttp10None() {
        assertTrue(parse("GET / HTTP/1.1\r\nHost: example.com:8080\r\n\r\n") > 0);
        assertTrue(parse("GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n") > 0);
        assertTrue(parse("GET / HTTP/1.1\r\nHost:\r\n\r\n") > 0, "an empty Host is valid (RFC 9110 7.2)");
        assertTrue(parse("GET / HTTP/1.0\r\n\r\n") > 0);
    }

    @Test
    void connectionOptionsAreMatchedAsTokens() {
        parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: notclose\r\n\r\n");
        assertTrue(req.keepAlive(), "notclose is not close");
        parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade, Close\r\n\r\n");
        assertFalse(req.keepAlive());
        parse("GET / HTTP/1.0\r\nConnection: keep-alive-ish\r\n\r\n");
        assertFalse(req.keepAlive(), "keep-alive-ish is not keep-alive");
        parse("GET / HTTP/1.0\r\nConnection: te,keep-alive\r\n\r\n");
        assertTrue(req.keepAlive());
        parse("GET / HTTP/1.0\r\nConnection: close\r\nConnection: keep-alive\r\n\r\n");
        assertFalse(req.keepAlive(), "close wins over keep-alive");
    }

    @Test
    void emptyLinesBeforeARequestAreSkippedAndCountInItsLength() {
        String head = "\r\n\r\nGET /json HTTP/1.1\r\nHost: x\r\n\r\n";
        byte[] b = bytes(head);
        assertEquals(head.length(), parser.parse(b, 0, b.length, req));
        assertEquals("/json", path(b));
        assertEquals(RequestParser.NEED_MORE, parse("\r"));
        assertEquals(RequestParser.NEED_MORE, parse("\r\n"));
        assertEquals(RequestParser.URI_TOO_LONG, parse("\r\n".repeat(40)));
    }

    @Test
    void absoluteFormIsRoutedByItsPath() {
        byte[] b = bytes("GET http://example.com:80/sleep?ms=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertTrue(parser.parse(b, 0, b.length, req) > 0);
        assertEquals("/sleep", path(b));
        assertEquals("?ms=1", query(b));
        b = bytes("GET HTTPS://a HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(parser.parse(b, 0, b.length, req) > 0);
        assertEquals("", path(b));
    }

    @Test
    void optionsAsteriskAndHeadAreRequests() {
        byte[] b = bytes("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(parser.parse(b, 0, b.length, req) > 0);
        assertEquals(Request.Method.OPTIONS, req.method());
        assertEquals("*", path(b));
        assertTrue(parse("HEAD /json HTTP/1.1\r\nHost: x\r\n\r\n") > 0);
        assertEquals(Request.Method.HEAD, req.method());
    }

    @Test
    void higherHttp1MinorVersionsAreServedAs11() {
        assertTrue(parse("GET / HTTP/1.2\r\nHost: x\r\n\r\n") > 0);
        assertFalse(req.http10());
        assertTrue(req.keepAlive());
        assertEquals(RequestParser.BAD_REQUEST, parse("GET / HTTP/1.9\r\n\r\n"), "1.x above 1.0 needs Host too");
    }

    @Test
    void expect100ContinueIsSeenOnHttp11Only() {
        parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\n");
        assertTrue(req.expectContinue());
        parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertFalse(req.expectContinue(), "RFC 9110 10.1.1: ignored on HTTP/1.0");
    }

    @Test
    void chunkedAloneIsAHeadWhoseBodyTheCallerSkips() {
        String head = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n";
        assertEquals(head.length(), parse(head));
        assertTrue(req.chunked());
        assertEquals(0, req.contentLength());
        // Empty list elements are no codings (RFC 9110 5.6.1).
        assertTrue(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: , chunked ,\r\n\r\n") > 0);
        assertTrue(req.chunked());
    }

    @Test
    void everyNameTheParserActsOnMatchesInAnyCase() {
        parse("POST / HTTP/1.1\r\nHOST: x\r\nCONNECTION: close\r\nEXPECT: 100-continue\r\n"
                + "CONTENT-LENGTH: 3\r\n\r\n");
        assertFalse(req.keepAlive());
        assertTrue(req.expectContinue());
        assertEquals(3, req.contentLength());
        parse("POST / HTTP/1.1\r\nhOsT: x\r\ntRaNsFeR-eNcOdInG: chunked\r\n\r\n");
        assertTrue(req.chunked());
    }

    /**
     * Names of the same length and first byte as one the parser acts on, differing further in: each must be an
     * ordinary header, so none may be taken for the name it nearly is.
     */
    @Test
    void namesOfEqualLengthAndFirstByteThatDifferLaterAreOtherHeaders() {
        assertEquals(RequestParser.BAD_REQUEST, parse("GET / HTTP/1.1\r\nHose: x\r\n\r\n"), "Hose is no Host");
        parse("GET / HTTP/1.1\r\nHost: x\r\nConnectiom: close\r\n\r\n");
        assertTrue(req.keepAlive(), "Connectiom is no Connection");
        parse("POST / HTTP/1.1\r\nHost: x\r\nExpeck: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertFalse(req.expectContinue(), "Expeck is no Expect");
        parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Lengtx: 3\r\n\r\n");
        assertEquals(0, req.contentLength(), "Content-Lengtx is no Content-Length");
        parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encodinh: chunked\r\n\r\n");
        assertFalse(req.chunked(), "Transfer-Encodinh is no Transfer-Encoding");
    }

    /** The first byte decides most misses, but a name equal in length to one the parser knows is still compared. */
    @Test
    void isNameComparesEveryByteOnceLengthAndFirstByteAgree() {
        byte[] known = bytes("connection");
        assertTrue(RequestParser.isName(bytes("Connection"), 0, 10, known));
        assertFalse(RequestParser.isName(bytes("user-agent"), 0, 10, known), "same length, other first byte");
        assertFalse(RequestParser.isName(bytes("connectiom"), 0, 10, known), "same length and first byte");
        assertFalse(RequestParser.isName(bytes("cxnnection"), 0, 10, known), "a second byte that differs");
        assertFalse(RequestParser.isName(bytes("connections"), 0, 11, known), "another length");
    }
}
