package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keep-alive, a connection per request, pipelining, chunked bodies and server-side closes, end to end. */
class ConnectionModesTest {

    private static final Duration DURATION = Duration.ofMillis(700);

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void closeModeOpensOneConnectionPerRequest() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                n -> new ScriptedHttpServer.Response(ScriptedHttpServer.withLength(200, "Hello, World!", true), true))) {
            LoadResult result = LoadGenerator.run(config(server).withConnections(4).withClose(true));

            assertTrue(result.requests() > 10, "requests " + result.requests());
            assertEquals(server.requestsRead(), result.requests());
            assertEquals(server.connectionsAccepted(), server.requestsRead());
            assertEquals(result.requests(), result.connections().opened());
            assertEquals(0, result.connections().closedByServer());
            assertEquals(0, result.errors().lostRequests() + result.errors().connect());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void pipelinedResponsesAreMatchedInOrder() throws Exception {
        // Even requests get 200 with a length, odd ones 404 with a chunked body: a miscount or a split
        // in the wrong place would show as parse errors or wrong status counts.
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> new ScriptedHttpServer.Response(
                n % 2 == 0 ? ScriptedHttpServer.withLength(200, "x".repeat((int) (n % 50)), false)
                        : ScriptedHttpServer.chunked(404, "not", " ", "found ", "y".repeat((int) (n % 300))),
                false))) {
            LoadResult result = LoadGenerator.run(config(server).withConnections(1).withPipeline(8));

            assertTrue(result.requests() > 16, "requests " + result.requests());
            assertEquals(server.requestsRead(), result.requests());
            assertEquals(result.sent(), result.requests());
            assertEquals(0, result.errors().lostRequests());
            assertEquals((result.requests() + 1) / 2, result.statusClasses().success());
            assertEquals(result.requests() / 2, result.statusClasses().clientError());
            assertEquals(result.requests() / 2, result.errors().status());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void chunkedResponsesAreParsed() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> new ScriptedHttpServer.Response(
                ScriptedHttpServer.chunked(200, "Hello", ", ", "World!"), false))) {
            LoadResult result = LoadGenerator.run(config(server).withConnections(2));

            assertTrue(result.requests() > 10, "requests " + result.requests());
            assertEquals(server.requestsRead(), result.requests());
            assertEquals(result.requests(), result.statusClasses().success());
            assertEquals(0, result.errors().lostRequests());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aServerClosingAfterSomeResponsesIsReconnectedAndCounted() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> {
            boolean close = n % 5 == 4;
            return new ScriptedHttpServer.Response(ScriptedHttpServer.withLength(200, "Hello, World!", close), close);
        })) {
            LoadResult result = LoadGenerator.run(config(server).withConnections(2));

            assertTrue(result.requests() > 10, "requests " + result.requests());
            assertEquals(server.requestsRead(), result.requests());
            assertEquals(0, result.errors().lostRequests() + result.errors().connect());
            assertTrue(result.connections().closedByServer() >= result.requests() / 5 - 2,
                    "closed by server " + result.connections().closedByServer());
            assertEquals(server.connectionsAccepted(), result.connections().opened());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aBodyDelimitedByTheServersCloseCompletesAtEndOfStream() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> new ScriptedHttpServer.Response(
                ScriptedHttpServer.ascii("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nHello, World!"), true))) {
            LoadResult result = LoadGenerator.run(config(server).withConnections(2));

            assertTrue(result.requests() > 10, "requests " + result.requests());
            assertEquals(server.requestsRead(), result.requests());
            assertEquals(result.requests(), result.statusClasses().success());
            assertEquals(0, result.errors().lostRequests());
            assertEquals(result.requests(), result.connections().closedByServer());
        }
    }

    private static LoadConfig config(ScriptedHttpServer server) {
        return LoadConfig.defaults(server.url("/")).withThreads(1).withDuration(DURATION);
    }
}
