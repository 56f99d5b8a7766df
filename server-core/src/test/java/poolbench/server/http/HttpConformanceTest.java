package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.ThreadPerConnectionTestArm;
import poolbench.server.testing.Figures;
import poolbench.server.testing.Poll;
import poolbench.server.testing.TestHttp;

/**
 * What RFC 9110 and 9112 ask of a server, over a real connection (the hostile-client session's probes): HEAD,
 * Host, Expect, Connection tokens, absolute-form and asterisk-form targets, empty lines before a request,
 * HTTP/1.2; and a client that pipelines slow requests and disconnects costs the server little. On server-core's
 * test arm: every arm runs the same connection loop.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpConformanceTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.start(ServerConfig.ephemeral().withPorts(0, -1), new ThreadPerConnectionTestArm(),
                ArmOptions.DEFAULTS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void headIsAnsweredOnEveryGetEndpointWithTheGetsHeadersAndNoBody() throws IOException {
        // /downstream and /db answer 503 here (no backend, no database): their refusals keep HEAD too.
        for (String target : new String[] {"/plaintext", "/json", "/sleep?ms=1", "/cpu?work=10", "/nope", "/cpu?work=x",
                "/downstream?ms=1", "/downstream?ms=x", "/db"}) {
            try (TestHttp c = TestHttp.connect(server.port())) {
                TestHttp.Response get = c.send(TestHttp.request(target)).read();
                TestHttp.Response head = c.send("HEAD " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").readHead();
                assertEquals(get.status(), head.status(), target);
                assertEquals(get.header("Content-Length"), head.header("Content-Length"), target);
                assertEquals(get.header("Content-Type"), head.header("Content-Type"), target);
                // No body followed: the next response starts right away, so the connection is still in step.
                assertEquals(get.body(), c.send(TestHttp.request(target)).read().body(), target);
            }
        }
    }

    @Test
    void http11WithoutOneValidHostIs400AndHttp10NeedsNone() throws IOException {
        for (String head : new String[] {"GET /plaintext HTTP/1.1\r\n\r\n",
                "GET /plaintext HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n",
                "GET /plaintext HTTP/1.1\r\nHost: a b\r\n\r\n"}) {
            try (TestHttp c = TestHttp.connect(server.port())) {
                TestHttp.Response r = c.send(head).read();
                assertEquals(400, r.status(), head);
                assertEquals("close", r.header("Connection"));
                assertTrue(c.closedByPeer());
            }
        }
        try (TestHttp c = TestHttp.connect(server.port())) {
            assertEquals(200, c.send("GET /plaintext HTTP/1.0\r\n\r\n").read().status());
        }
    }

    @Test
    void expect100ContinueGetsAnInterimResponseAndTheBodyIsSkipped() throws IOException {
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send("POST /plaintext HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            TestHttp.Response interim = c.readHead();
            assertEquals(100, interim.status());
            TestHttp.Response last = c.read();
            assertEquals(405, last.status());
            assertNull(last.header("Connection"), "keep-alive goes on");
            c.send("hello");
            assertEquals("Hello, World!", c.send(TestHttp.request("/plaintext")).read().body());
        }
    }

    @Test
    void connectionOptionsAreTokensNotSubstrings() throws IOException {
        try (TestHttp c = TestHttp.connect(server.port())) {
            TestHttp.Response r = c.send("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: notclose\r\n\r\n").read();
            assertNull(r.header("Connection"));
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status(), "still open");
            r = c.send("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: upgrade, close\r\n\r\n").read();
            assertEquals("close", r.header("Connection"));
        }
    }

    @Test
    void absoluteFormOptionsAsteriskEmptyLinesAndHttp12AreServed() throws IOException {
        try (TestHttp c = TestHttp.connect(server.port())) {
            assertEquals("Hello, World!",
                    c.send("GET http://t:8080/plaintext HTTP/1.1\r\nHost: t\r\n\r\n").read().body());
            TestHttp.Response options = c.send("OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertEquals(200, options.status());
            assertEquals("GET, HEAD", options.header("Allow"));
            assertEquals("0", options.header("Content-Length"));
            // An empty line before a pipelined request (a client's stray CRLF after a body) loses nothing.
            c.send(TestHttp.request("/json") + "\r\n" + TestHttp.request("/plaintext"));
            assertEquals(200, c.read().status());
            assertEquals("Hello, World!", c.read().body());
            TestHttp.Response v12 = c.send("GET /json HTTP/1.2\r\nHost: t\r\n\r\n").read();
            assertEquals(200, v12.status());
            assertNull(v12.header("Connection"), "1.2 keeps alive as 1.1 does");
        }
    }

    @Test
    void chunkedRequestBodiesAreSkippedAndTheNextRequestIsServed() throws Exception {
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send("POST /plaintext HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
            assertEquals(405, c.read().status());
            Thread.sleep(20);
            c.send("lo\r\n0\r\n\r\n" + TestHttp.request("/json"));
            assertEquals("{\"message\":\"Hello, World!\"}", c.read().body());
            c.send("POST /plaintext HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertEquals(100, c.readHead().status());
            assertEquals(405, c.read().status());
            c.send("3\r\nabc\r\n0\r\n\r\n" + TestHttp.request("/plaintext"));
            assertEquals("Hello, World!", c.read().body());
            // A broken body after its request's response: the connection ends, with no second response.
            c.send("POST /plaintext HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
            assertEquals(405, c.read().status());
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void aClientThatPipelinesSlowRequestsAndDisconnectsCostsAtMostTwoOfThem() throws Exception {
        int queued = 50;
        long before = server.serverStats().requests();
        long t0;
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send(TestHttp.request("/sleep?ms=200").repeat(queued));
            Poll.until(Duration.ofSeconds(5), () -> server.serverStats().connectionsOpen() == 1, () -> "accepted");
            t0 = System.nanoTime();
        }
        Duration gone = Poll.until(Duration.ofSeconds(8), () -> server.serverStats().connectionsOpen() == 0,
                () -> "the dead pipeline is still being served: " + (server.serverStats().requests() - before));
        long served = server.serverStats().requests() - before;
        assertTrue(served <= 3, served + " of " + queued + " requests served after the client left");
        Figures.record("server-core test arm", queued + " pipelined /sleep?ms=200, client gone: requests served, "
                + "connection ended after", served + ", " + Figures.ms(gone.plusNanos(System.nanoTime() - t0 - gone.toNanos())));
    }

    @Test
    void aLivePipelineOfSlowRequestsIsAnsweredInFullAndInOrder() throws IOException {
        try (TestHttp c = TestHttp.connect(server.port())) {
            c.send((TestHttp.request("/sleep?ms=2") + TestHttp.request("/json")).repeat(10));
            for (int i = 0; i < 10; i++) {
                assertEquals("Hello, World!", c.read().body());
                assertEquals("{\"message\":\"Hello, World!\"}", c.read().body());
            }
            InputStream in = c.socket().getInputStream();
            c.socket().setSoTimeout(200);
            assertFalse(readsAnything(in), "nothing more was sent");
        }
    }

    private static boolean readsAnything(InputStream in) {
        try {
            return in.read() >= 0;
        } catch (IOException timedOut) {
            return false;
        }
    }
}
