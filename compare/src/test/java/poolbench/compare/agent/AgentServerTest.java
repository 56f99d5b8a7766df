package poolbench.compare.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.compare.agent.AgentProtocol.StartRequest;
import poolbench.compare.record.ServerMachine;

/**
 * The agent is not an open door: without its token nothing is answered but 401, and with it nothing is started but
 * an arm or a reference by name. Every other request gets a 4xx with one line saying why. On loopback; nothing here
 * starts a server (the starts themselves are tested in cli, whose class path has them).
 */
@Timeout(60)
class AgentServerTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AgentToken token;
    private AgentServer agent;

    @BeforeEach
    void start() throws Exception {
        token = AgentToken.generate();
        agent = AgentServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token,
                Path.of("").toAbsolutePath(), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(agent.url() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, token.authorization());
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return AgentProtocol.LENIENT.readTree(r.body()).get("error").asText();
    }

    private static String startRequest(String arm) throws Exception {
        return AgentProtocol.STRICT.writeValueAsString(new StartRequest(arm, "512m", "g1", ServeFlags.NONE, 0, 0,
                false, "test.log"));
    }

    @Test
    void aRequestWithAMissingOrWrongTokenGets401BeforeAnythingElseAndIsLogged() throws Exception {
        long started = System.nanoTime();
        String wrong = AgentToken.generate().authorization();
        for (String[] request : List.of(new String[] {"GET", "/machine", null}, new String[] {"POST", "/servers",
                startRequest("classic")}, new String[] {"GET", "/no-such-endpoint", null},
                new String[] {"POST", "/counters", "{\"server\": -1, \"waiting\": []}"})) {
            for (String authorization : new String[] {null, wrong, "Basic " + token.reveal(), token.reveal()}) {
                HttpResponse<String> r = send(request[0], request[1], request[2], authorization);
                assertEquals(401, r.statusCode(), request[0] + " " + request[1] + " with " + authorization);
                assertTrue(error(r).startsWith("missing or wrong token"), r.body());
                assertEquals("Bearer realm=\"poolbench agent\"", r.headers().firstValue("WWW-Authenticate")
                        .orElse(""));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).matches("agent: refused GET /machine from /127\\.0\\.0\\.1:\\d+: no token"),
                lines.get(0));
        assertTrue(lines.size() <= 1 + (int) seconds, "at most a line a second: " + lines.size() + " lines in "
                + seconds + " s");
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(token.reveal()), "the log never shows the token");
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("agent: started"));
    }

    @Test
    void theTokenGetsTheMachineAndTheServerSidesCounters() throws Exception {
        HttpResponse<String> r = send("GET", "/machine", null);
        assertEquals(200, r.statusCode(), r.body());
        ServerMachine m = AgentProtocol.LENIENT.readValue(r.body(), ServerMachine.class);
        assertEquals(agent.url(), m.agent());
        assertTrue(m.cpus() > 0 && !m.pinning().serverCpus().isEmpty(), r.body());
        assertFalse(m.serverJvmFlags().isEmpty());

        HttpResponse<String> quiet = send("POST", "/counters", "{\"server\": -1, \"waiting\": []}");
        assertEquals(200, quiet.statusCode(), quiet.body());
        AgentProtocol.Counters c = AgentProtocol.LENIENT.readValue(quiet.body(), AgentProtocol.Counters.class);
        assertFalse(c.cpus().isEmpty(), "the quiet wait reads the server CPUs' ticks");
        assertTrue(c.server().isEmpty() && c.waiting().isEmpty());
    }

    @Test
    void startingAnythingButAnArmOrAReferenceIsRefused() throws Exception {
        long children = ProcessHandle.current().children().count();
        for (String arm : new String[] {"sh", "/bin/sh", "../classic", "classic --host 0.0.0.0", "classic-aa", ""}) {
            HttpResponse<String> r = send("POST", "/servers", startRequest(arm));
            assertEquals(400, r.statusCode(), arm + ": " + r.body());
            // compare's class path has no arms (cli's has them all); the Go originals are always known.
            assertTrue(error(r).startsWith("unknown arm '" + arm + "': an agent starts only poolbench's arms and "
                    + "references: ") && error(r).endsWith("go-fasthttp, go-nethttp"), error(r));
        }
        ObjectNode withCommand = (ObjectNode) AgentProtocol.STRICT.readTree(startRequest("classic"));
        withCommand.putArray("command").add("/bin/sh").add("-c").add("touch /tmp/owned");
        HttpResponse<String> command = send("POST", "/servers", withCommand.toString());
        assertEquals(400, command.statusCode(), command.body());
        assertTrue(error(command).contains("Unrecognized field \"command\""), error(command));

        ObjectNode jdbc = (ObjectNode) AgentProtocol.STRICT.readTree(startRequest("classic"));
        ((ObjectNode) jdbc.get("serve")).put("dbUrl",
                "jdbc:postgresql://10.0.0.2:5433/postgres?user=postgres&socketFactory=evil.Factory");
        HttpResponse<String> url = send("POST", "/servers", jdbc.toString());
        assertEquals(400, url.statusCode(), url.body());
        assertTrue(error(url).contains("dbUrl must be jdbc:postgresql://host:port/postgres?user=postgres"), url.body());

        ObjectNode heap = (ObjectNode) AgentProtocol.STRICT.readTree(startRequest("classic"));
        heap.put("heap", "1g -XX:OnError=sh");
        assertEquals(400, send("POST", "/servers", heap.toString()).statusCode());

        ObjectNode logName = (ObjectNode) AgentProtocol.STRICT.readTree(startRequest("classic"));
        logName.put("logName", "../../etc/cron.d/x");
        assertEquals(400, send("POST", "/servers", logName.toString()).statusCode());

        assertEquals(children, ProcessHandle.current().children().count(), "a refused start started something");
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("agent: started"), log.toString());
    }

    @Test
    void everythingElseGetsAClear4xxInOneLine() throws Exception {
        HttpResponse<String> unknown = send("GET", "/shell", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(error(unknown).startsWith("no such endpoint: /shell; the agent answers GET /machine, "),
                error(unknown));

        HttpResponse<String> method = send("DELETE", "/machine", null);
        assertEquals(405, method.statusCode());
        assertEquals("GET", method.headers().firstValue("Allow").orElse(""));

        HttpResponse<String> notJson = send("POST", "/servers", "start classic please");
        assertEquals(400, notJson.statusCode());
        assertTrue(error(notJson).startsWith("the body is not a StartRequest: "), error(notJson));

        HttpResponse<String> huge = send("POST", "/servers", "{\"arm\": \"" + "x".repeat(100_000) + "\"}");
        assertEquals(413, huge.statusCode());

        HttpResponse<String> stranger = send("GET", "/servers/1", null);
        assertEquals(404, stranger.statusCode());
        assertTrue(error(stranger).startsWith("no server with pid 1 was started by this agent"), error(stranger));

        HttpResponse<String> strangersTicks = send("POST", "/counters", "{\"server\": 1, \"waiting\": []}");
        assertEquals(404, strangersTicks.statusCode(), "it reads only the servers it started");

        HttpResponse<String> quota = send("POST", "/quota", "{\"share\": 2, \"periodMicros\": 10000}");
        assertEquals(400, quota.statusCode());
        assertTrue(error(quota).startsWith("--cpu-quota must be a share"), error(quota));

        for (HttpResponse<String> r : List.of(unknown, method, notJson, huge, stranger, strangersTicks, quota)) {
            JsonNode body = AgentProtocol.LENIENT.readTree(r.body());
            assertFalse(body.get("error").asText().contains("\n"), r.body());
            assertFalse(r.body().contains("Exception"), "no stack trace, no exception name: " + r.body());
        }
    }
}
