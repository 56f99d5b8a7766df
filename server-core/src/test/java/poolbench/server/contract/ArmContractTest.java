package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.accept.Servers;
import poolbench.server.endpoints.CpuExecutor;
import poolbench.server.endpoints.Endpoints;
import poolbench.server.http.HttpDates;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.RunningServer;
import poolbench.server.testing.TestHttp;

/**
 * What every arm must do over real loopback sockets: the same bytes on the wire whatever thread serves them.
 * {@link ArmSuite} runs it on every arm (the references module extends it directly); capped arms also get the
 * overflow test.
 */
@Timeout(30)
public abstract class ArmContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;

    protected abstract String armName();

    /** Whether the arm refuses connections beyond {@code --concurrency} (then it must answer fasthttp's 503). */
    protected abstract boolean capped();

    /**
     * Whether responses carry exactly Server, Date, Content-Type and Content-Length. A reference server that
     * cannot be told to drop a header of its own overrides this.
     */
    protected boolean exactHeaders() {
        return true;
    }

    /**
     * Checks a Date header of this server's. poolbench formats its own exactly (IMF-fixdate); a server it does
     * not own is held only to a date its recipients can read, so the contract never depends on the day.
     */
    protected void assertDate(String value) {
        HttpDates.assertImfFixdateOfNow(value);
    }

    /** Starts the arm by name, as {@code poolbench serve} does. */
    protected RunningServer startServer(ServerConfig config, ArmOptions options) throws IOException {
        return Servers.start(armName(), config, options);
    }

    protected RunningServer start(ArmOptions options) throws IOException {
        server = startServer(ServerConfig.ephemeral(), options);
        return server;
    }

    protected RunningServer start() throws IOException {
        return start(ArmOptions.DEFAULTS);
    }

    /** The server's stats endpoint, read over HTTP as the compare suite reads it. */
    protected static Map<?, ?> stats(RunningServer s) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.adminPort() + "/stats"))
                .timeout(Duration.ofSeconds(5)).build();
        return JSON.readValue(client.send(request, HttpResponse.BodyHandlers.ofString()).body(), Map.class);
    }

    protected static long number(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void plaintextAnswersHelloWorldWithServerDateAndLength() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send(TestHttp.request("/plaintext")).read();
            assertEquals(200, r.status());
            assertEquals("Hello, World!", r.body());
            assertEquals("text/plain", r.header("Content-Type"));
            assertEquals("13", r.header("Content-Length"));
            assertFalse(r.header("Server").isBlank());
            assertDate(r.header("Date"));
            if (exactHeaders()) {
                assertNull(r.header("Connection"));
                assertEquals(Map.of("server", "", "date", "", "content-type", "", "content-length", "").keySet(),
                        r.headers().keySet());
            }
        }
    }

    @Test
    void jsonAnswersTheMessage() throws IOException {
        TestHttp.Response r = TestHttp.get(start().port(), "/json");
        assertEquals(200, r.status());
        assertEquals("{\"message\":\"Hello, World!\"}", r.body());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("close", r.header("Connection"));
    }

    @Test
    void sleepBlocksForTheAskedMilliseconds() throws IOException {
        int port = start().port();
        long t0 = System.nanoTime();
        TestHttp.Response r = TestHttp.get(port, "/sleep?ms=50");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.status());
        assertTrue(ms >= 50, "answered after " + ms + " ms");
    }

    @Test
    void cpuBurnsTheAskedWorkAndAnswersItsResult() throws IOException {
        TestHttp.Response r = TestHttp.get(start().port(), "/cpu?work=1000");
        assertEquals(200, r.status());
        assertEquals(Long.toHexString(Endpoints.burn(1000)), r.body());
    }

    @Test
    void withACpuExecutorCpuIsComputedByItsPlatformThreads() throws Exception {
        assumeTrue(Arms.byName(armName()).isPresent(), "the cpu executor is a server option of the arms alone");
        server = startServer(ServerConfig.ephemeral().withCpuExecutorThreads(2), ArmOptions.DEFAULTS);
        TestHttp.Response r = TestHttp.get(server.port(), "/cpu?work=1000");
        assertEquals(200, r.status());
        assertEquals(Long.toHexString(Endpoints.burn(1000)), r.body());
        Map<?, ?> stats = stats(server);
        assertEquals(2L, number(stats, "cpuExecutorThreads"));
        assertEquals(1L, number(stats, "cpuExecutorTasks"), "the request's work went through the executor");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith(CpuExecutor.THREAD_NAME_PREFIX) && !t.isVirtual()),
                "a platform thread named " + CpuExecutor.THREAD_NAME_PREFIX + "N computed it");
    }

    @Test
    void withoutACpuExecutorCpuIsComputedByTheServingThread() throws Exception {
        assumeTrue(Arms.byName(armName()).isPresent(), "the cpu executor is a server option of the arms alone");
        RunningServer s = start();
        assertEquals(200, TestHttp.get(s.port(), "/cpu?work=1000").status());
        Map<?, ?> stats = stats(s);
        assertEquals(0L, number(stats, "cpuExecutorThreads"));
        assertEquals(0L, number(stats, "cpuExecutorTasks"));
    }

    @Test
    void badParametersAre400() throws IOException {
        int port = start().port();
        for (String target : new String[] {"/sleep", "/sleep?ms=", "/sleep?ms=abc", "/sleep?ms=60001",
                "/sleep?ms=-1", "/cpu", "/cpu?work=1x", "/cpu?work=100000001", "/cpu?work=99999999999"}) {
            assertEquals(400, TestHttp.get(port, target).status(), target);
        }
    }

    @Test
    void unknownPathIs404AndOtherMethodsAre405() throws IOException {
        int port = start().port();
        assertEquals(404, TestHttp.get(port, "/nope").status());
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("POST /plaintext HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello").read();
            assertEquals(405, r.status());
            assertEquals("GET, HEAD", r.header("Allow"));
            // The body was skipped, so the connection is still in step.
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
        }
    }

    @Test
    void headIsAnsweredAsGetWithoutTheBody() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response head = c.send("HEAD /plaintext HTTP/1.1\r\nHost: t\r\n\r\n").readHead();
            assertEquals(200, head.status());
            assertEquals("13", head.header("Content-Length"));
            // Had a body followed, this would read it as the next status line.
            assertEquals("Hello, World!", c.send(TestHttp.request("/plaintext")).read().body());
        }
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        RunningServer s = start();
        long before = number(stats(s), "connectionsAccepted");
        try (TestHttp c = TestHttp.connect(s.port())) {
            for (int i = 0; i < 5; i++) {
                assertEquals("Hello, World!", c.send(TestHttp.request("/plaintext")).read().body());
            }
        }
        assertEquals(1, number(stats(s), "connectionsAccepted") - before);
    }

    @Test
    protected void connectionCloseIsAnsweredThenClosed() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertEquals("close", r.header("Connection"));
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void http10ClosesByDefaultAndKeepsAliveWhenAsked() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(200, c.send("GET /plaintext HTTP/1.0\r\n\r\n").read().status());
            assertTrue(c.closedByPeer());
        }
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("GET /plaintext HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertEquals("keep-alive", r.header("Connection"));
            assertEquals(200, c.send("GET /json HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status());
        }
    }

    @Test
    void sixteenPipelinedRequestsAreAnsweredInOrder() throws IOException {
        int port = start().port();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            batch.append(TestHttp.request(i % 2 == 0 ? "/plaintext" : "/json"));
        }
        try (TestHttp c = TestHttp.connect(port)) {
            c.send(batch.toString());
            for (int i = 0; i < 16; i++) {
                String expected = i % 2 == 0 ? "Hello, World!" : "{\"message\":\"Hello, World!\"}";
                assertEquals(expected, c.read().body(), "response " + i);
            }
        }
    }

    @Test
    void malformedRequestIs400AndClosed() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("GARBAGE\r\n\r\n").read();
            assertEquals(400, r.status());
            assertEquals("close", r.header("Connection"));
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void oversizedRequestsGet414431And413() throws IOException {
        int port = start().port();
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(414, c.send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\n\r\n").read().status());
        }
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(431, c.send("GET / HTTP/1.1\r\n" + "X-Long: abcdefgh\r\n".repeat(600) + "\r\n")
                    .read().status());
        }
        try (TestHttp c = TestHttp.connect(port)) {
            assertEquals(413, c.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n").read().status());
        }
    }

    @Test
    void overflowAnswersFasthttps503AndCloses() throws Exception {
        assumeTrue(capped(), "this arm has no cap");
        RunningServer s = start(ArmOptions.DEFAULTS.withConcurrency(1));
        try (TestHttp held = TestHttp.connect(s.port())) {
            assertEquals(200, held.send(TestHttp.request("/plaintext")).read().status());
            try (TestHttp refused = TestHttp.connect(s.port())) {
                TestHttp.Response r = refused.read();
                assertEquals(503, r.status());
                assertEquals(HttpServer.OVERFLOW_MESSAGE, r.body());
                assertTrue(refused.closedByPeer());
            }
            assertEquals(1, number(stats(s), "connectionsRejected"));
            assertEquals(200, held.send(TestHttp.request("/plaintext")).read().status());
        }
    }

    @Test
    void statsEndpointCountersMoveAsRequestsAreServed() throws Exception {
        RunningServer s = start();
        Map<?, ?> before = stats(s);
        try (TestHttp c = TestHttp.connect(s.port())) {
            for (int i = 0; i < 7; i++) {
                c.send(TestHttp.request("/plaintext")).read();
            }
        }
        Map<?, ?> after = stats(s);
        assertEquals(armName(), after.get("arm"));
        assertEquals(7L, number(after, "requests") - number(before, "requests"));
        assertEquals(1L, number(after, "connectionsAccepted") - number(before, "connectionsAccepted"));
        assertTrue(number(after, "workersStarted") >= 1, "workersStarted " + after.get("workersStarted"));
        assertTrue(number(after, "allocatedBytes") > number(before, "allocatedBytes"));
        assertTrue(number(after, "processCpuNanos") > 0);
        assertTrue(number(after, "threadsLive") > 0);
        assertNotNull(after.get("peakRssBytes"));
        assertFalse(after.containsKey("error"));
    }
}
