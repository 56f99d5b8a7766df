package poolbench.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poolbench.server.accept.HttpServer;
import poolbench.server.endpoints.Endpoints;
import poolbench.server.http.HttpDates;
import poolbench.server.stats.StatsSnapshot;
import poolbench.server.testing.TestHttp;

/** The Go originals answer as the arms do, report the same stats fields, and stop on SIGTERM. */
@Timeout(120)
class GoProgramTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoProgram program;

    @BeforeEach
    void build() throws IOException, InterruptedException {
        GoProgram.buildOrSkip();
    }

    @AfterEach
    void stop() {
        if (program != null) {
            program.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"go-fasthttp", "go-nethttp"})
    void readyLineHasTheFormOfPoolbenchServe(String arm) throws Exception {
        program = GoProgram.start(arm);
        assertEquals(arm + " serving on http://127.0.0.1:" + program.port + "  (stats: http://127.0.0.1:"
                + program.adminPort + "/stats; buffers: n/a)", program.readyLine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"go-fasthttp", "go-nethttp"})
    void plaintextAnswersHelloWorldWithExactlyServerDateTypeAndLength(String arm) throws Exception {
        program = GoProgram.start(arm);
        try (TestHttp c = TestHttp.connect(program.port)) {
            for (int i = 0; i < 3; i++) {
                TestHttp.Response r = c.send(TestHttp.request("/plaintext")).read();
                assertEquals(200, r.status());
                assertEquals("Hello, World!", r.body());
                assertEquals("text/plain", r.header("Content-Type"));
                assertEquals("13", r.header("Content-Length"));
                HttpDates.assertHttpDateOfNow(r.header("Date"));
                assertNull(r.header("Connection"));
                assertEquals(Set.of("server", "date", "content-type", "content-length"), r.headers().keySet());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"go-fasthttp", "go-nethttp"})
    void workloadsAndTheirRefusalsMatchServerCore(String arm) throws Exception {
        program = GoProgram.start(arm);
        int port = program.port;
        TestHttp.Response json = TestHttp.get(port, "/json");
        assertEquals("{\"message\":\"Hello, World!\"}", json.body());
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals(Long.toHexString(Endpoints.burn(1000)), TestHttp.get(port, "/cpu?work=1000").body());
        assertEquals(200, TestHttp.get(port, "/sleep?ms=5").status());
        for (String target : new String[] {"/sleep", "/sleep?ms=", "/sleep?ms=abc", "/sleep?ms=60001",
                "/sleep?ms=-1", "/cpu", "/cpu?work=1x", "/cpu?work=100000001", "/cpu?work=99999999999"}) {
            assertEquals(400, TestHttp.get(port, target).status(), target);
        }
        assertEquals(404, TestHttp.get(port, "/nope").status());
        try (TestHttp c = TestHttp.connect(port)) {
            TestHttp.Response r = c.send("POST /plaintext HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello")
                    .read();
            assertEquals(405, r.status());
            assertEquals("GET", r.header("Allow"));
            assertEquals(200, c.send(TestHttp.request("/plaintext")).read().status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"go-fasthttp", "go-nethttp"})
    void statsHaveStatsSnapshotsFieldsAndCountRequestsAndConnections(String arm) throws Exception {
        program = GoProgram.start(arm);
        Map<?, ?> before = stats();
        try (TestHttp c = TestHttp.connect(program.port)) {
            for (int i = 0; i < 7; i++) {
                c.send(TestHttp.request("/plaintext")).read();
            }
        }
        Map<?, ?> after = stats();
        Set<String> fields = Arrays.stream(StatsSnapshot.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(fields, after.keySet());
        assertEquals(arm, after.get("arm"));
        assertEquals(7L, number(after, "requests") - number(before, "requests"));
        assertEquals(1L, number(after, "connectionsAccepted") - number(before, "connectionsAccepted"));
        assertTrue(number(after, "allocatedBytes") > 0);
        assertTrue(number(after, "threadsLive") > 0);
        assertTrue(number(after, "workersAlive") > 0);
        assertTrue(number(after, "peakRssBytes") >= number(after, "rssBytes"));
    }

    @Test
    void fasthttpRefusesBeyondItsConcurrencyWithItsOwn503() throws Exception {
        program = GoProgram.start("go-fasthttp", "--concurrency", "1");
        try (TestHttp held = TestHttp.connect(program.port)) {
            assertEquals(200, held.send(TestHttp.request("/plaintext")).read().status());
            try (TestHttp refused = TestHttp.connect(program.port)) {
                TestHttp.Response r = refused.read();
                assertEquals(503, r.status());
                assertEquals(HttpServer.OVERFLOW_MESSAGE, r.body());
                assertTrue(refused.closedByPeer());
            }
            assertEquals(1, number(stats(), "connectionsRejected"));
            assertEquals(200, held.send(TestHttp.request("/plaintext")).read().status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"go-fasthttp", "go-nethttp"})
    void sigtermStopsTheProgramCleanly(String arm) throws Exception {
        program = GoProgram.start(arm);
        try (TestHttp idle = TestHttp.connect(program.port)) {
            idle.send(TestHttp.request("/plaintext")).read();
            assertEquals(0, program.terminate());
        }
    }

    private Map<?, ?> stats() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + program.adminPort + "/stats")).timeout(Duration.ofSeconds(5)).build();
        return JSON.readValue(client.send(request, HttpResponse.BodyHandlers.ofString()).body(), Map.class);
    }

    private static long number(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }
}
