package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.testing.Poll;
import poolbench.server.testing.TestHttp;

/**
 * What every arm answers when a request's framing is broken, or unusual and valid: exactly one response per request,
 * and the statuses RFC 9110 and 9112 ask for. {@link ArmSuite} runs it on every arm.
 *
 * <p>A request is answered when its head is in, before its body; a body that then breaks, grows too large or comes
 * too slowly must end the connection, never draw a second response that answers nothing the client asked.
 */
@Timeout(30)
public abstract class RequestFramingContractTest extends ArmFixture {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    /** How much later than its timeout a connection may close on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    protected RequestFramingContractTest(ArmSuite suite) {
        super(suite);
    }

    @ParameterizedTest(name = "{0} with chunk size {1}")
    @CsvSource({
        "POST, zz, 405",
        "POST, ffffffffffffffff, 405",
        "POST, 1e8480, 405",
        "GET, zz, 200",
        "GET, ffffffffffffffff, 200",
        "GET, 1e8480, 200",
        "HEAD, zz, 200",
        "HEAD, ffffffffffffffff, 200",
        "HEAD, 1e8480, 200"
    })
    void aBrokenOrTooLargeChunkedBodyEndsTheConnectionAfterTheOneResponse(String method, String chunkSize,
                                                                          int status) throws IOException {
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send(method + " /plaintext HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkSize
                    + "\r\nGET /json HTTP/1.1\r\nHost: x\r\n\r\n");
            TestHttp.Response r = method.equals("HEAD") ? c.readHead() : c.read();
            assertEquals(status, r.status());
            assertEquals("", restUntilClosed(c), "a second response to one request");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GET with Content-Length|GET /plaintext HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 8192\\r\\n\\r\\n|200",
        "POST with Content-Length|POST /plaintext HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 8192\\r\\n\\r\\n|405",
        "POST chunked|POST /plaintext HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhe|405"
    })
    void aBodyTooSlowAfterTheResponseEndsTheConnectionWithinTheReadTimeoutWithoutA408(String name, String escaped,
                                                                                      int status) throws Exception {
        HttpServer server = start(ServerConfig.ephemeral().withTimeouts(READ_TIMEOUT, Duration.ofSeconds(10)),
                ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send(escaped.replace("\\r", "\r").replace("\\n", "\n"));
            assertEquals(status, c.read().status());
            long answered = System.nanoTime();
            // The body goes on arriving, a byte per 100 ms, then stops: it can never be whole in time.
            for (int i = 0; i < 3; i++) {
                Thread.sleep(100);
                c.send("l");
            }
            assertEquals("", restUntilClosed(c), "a second response to one request");
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - answered);
            assertTrue(closedAfter.compareTo(READ_TIMEOUT.plus(SLACK)) <= 0,
                    "closed " + closedAfter.toMillis() + " ms after the response; the read timeout is 500 ms");
            Poll.until(Duration.ofSeconds(1), () -> server.serverStats().requestsTimedOut() == 1,
                    () -> "requests timed out: " + server.serverStats().requestsTimedOut());
        }
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "chunked, identity|400",
        "identity|400",
        "chunked, chunked|400",
        "gzip, chunked|501",
        "xchunked|501"
    })
    void transferCodingsThatCannotFrameTheBodyGetRfc9112sStatusAndClose(String codings, int status)
            throws IOException {
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            TestHttp.Response r = c.send("POST /plaintext HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + codings
                    + "\r\n\r\n0\r\n\r\n").read();
            assertEquals(status, r.status());
            assertEquals("close", r.header("Connection"));
            assertEquals("", restUntilClosed(c));
        }
    }

    @Test
    void aContentLengthWithLeadingZerosIsServedAndTheConnectionStaysInStep() throws IOException {
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send("GET /plaintext HTTP/1.1\r\nHost: x\r\nContent-Length: 00000000000000000005\r\n\r\nhello"
                    + TestHttp.request("/json"));
            TestHttp.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("Hello, World!", r.body());
            assertEquals("{\"message\":\"Hello, World!\"}", c.read().body());
        }
    }

    @Test
    void aTargetWithAFragmentIs400AndClosed() throws IOException {
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            TestHttp.Response r = c.send("GET /plaintext#frag HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(400, r.status());
            assertEquals("close", r.header("Connection"));
            assertEquals("", restUntilClosed(c));
        }
    }

    @Test
    void anUnrecognisedMethodIs501AndAKnownOneThatNoEndpointServesIs405() throws IOException {
        HttpServer server = start(ServerConfig.ephemeral(), ArmOptions.DEFAULTS);
        try (TestHttp c = TestHttp.connect(server.port())) {
            for (String method : new String[] {"get", "BREW"}) {
                TestHttp.Response r = c.send(method + " /plaintext HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(501, r.status(), method);
                assertNull(r.header("Allow"), method);
                assertNull(r.header("Connection"), "the connection goes on after " + method);
            }
            for (String method : new String[] {"DELETE", "PUT", "PATCH"}) {
                TestHttp.Response r = c.send(method + " /plaintext HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(405, r.status(), method);
                assertEquals("GET, HEAD", r.header("Allow"), method);
            }
            assertEquals("Hello, World!", c.send(TestHttp.request("/plaintext")).read().body());
        }
    }

    /** What the server sent after the responses read so far, up to its close; fails when it does not close. */
    private static String restUntilClosed(TestHttp c) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        InputStream in = c.socket().getInputStream();
        try {
            for (int b; (b = in.read()) >= 0; ) {
                rest.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; after the response it sent: "
                    + rest.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException reset) {
            // A reset is a close too.
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }
}
