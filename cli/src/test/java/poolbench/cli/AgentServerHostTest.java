package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.agent.AgentServer;
import poolbench.compare.agent.AgentServerHost;
import poolbench.compare.agent.AgentToken;
import poolbench.compare.agent.ServerAgent;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.ServerSideCounters;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.process.HostedServer;
import poolbench.compare.process.ServerStart;
import poolbench.compare.process.StatsClient;

/**
 * compare's side of an agent, against a real one on loopback: the servers it starts serve and are read through it,
 * a server that dies there says how it ended, and an agent that is gone is said to be gone, in one line, by
 * everything that asks it.
 */
@Timeout(120)
class AgentServerHostTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
    private AgentServer agent;
    private AgentServerHost host;

    @BeforeEach
    void connect() throws Exception {
        AgentToken token = AgentToken.generate();
        agent = AgentServer.start(new InetSocketAddress("127.0.0.1", 0), token, Launcher.home(),
                new PrintStream(agentLog, true, StandardCharsets.UTF_8));
        host = AgentServerHost.connect(new ServerAgent(URI.create(agent.url()), token), false, Launcher.home());
    }

    @AfterEach
    void close() throws Exception {
        host.close();
        agent.close();
    }

    private HostedServer start(boolean stackChunks) throws Exception {
        return host.start(new ServerStart("classic", JvmSetting.DEFAULT, List.of("--concurrency", "8"), CpuQuota.NONE,
                stackChunks), dir.resolve("logs").resolve("classic.log"));
    }

    @Test
    void aServerTheAgentStartedServesIsReadThroughItAndItsLogComesBack() throws Exception {
        HostedServer server = start(false);
        assertTrue(server.isAlive());
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + host.address() + ":" + server.port() + "/plaintext")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(new StatsClient(host.address(), server.adminPort()).read().requests() >= 1);

        ServerSideCounters counters = host.counters();
        ServerSideCounters.Reading reading = counters.read(server.pid(), List.of());
        assertTrue(reading.server().containsKey(server.pid()), reading.toString());
        assertTrue(reading.cpus().keySet().stream().allMatch(c -> c >= AgentServerHost.CPU_KEY_OFFSET),
                "the server host's CPUs are keyed apart: " + reading.cpus().keySet());
        assertEquals(counters.cpus(), reading.cpus().keySet());

        server.close();
        assertTrue(Files.readString(dir.resolve("logs").resolve("classic.log"))
                .contains("classic serving on http://127.0.0.1:" + server.port()), "the log came back");
        String log = agentLog.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("agent: started classic (pid " + server.pid() + ", port " + server.port() + ")"), log);
        assertTrue(log.contains("agent: stopped classic (pid " + server.pid() + ")"), log);
        assertFalse(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false), "stopped there");
    }

    @Test
    void aServerThatDiesThereSaysHowItEnded() throws Exception {
        HostedServer server = start(false);
        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(server.isAlive());
        assertTrue(server.exitDescription().startsWith("killed by signal 9 (exit 137); last log lines: "),
                server.exitDescription());
    }

    @Test
    void aRecordedServersStackChunksAreCountedThereAfterItsStop() throws Exception {
        HostedServer server = start(true);
        long from = System.currentTimeMillis();
        server.close();
        assertNotEquals(-1, server.takeStackChunkBytes(from - 60_000, System.currentTimeMillis()),
                "the recording was read on the server host");
        assertEquals(-1, server.takeStackChunkBytes(0, System.currentTimeMillis()), "and removed there");
    }

    @Test
    void aLostAgentIsSaidToBeLostByEverythingThatAsksIt() throws Exception {
        HostedServer server = start(false);
        agent.close();
        String gone = "the server agent at " + agent.url() + " does not answer";

        assertFalse(server.isAlive());
        assertTrue(server.exitDescription().startsWith("lost with its agent: " + gone), server.exitDescription());
        IOException counters = assertThrows(IOException.class, () -> host.counters().read(server.pid(), List.of()));
        assertTrue(counters.getMessage().startsWith(gone), counters.getMessage());
        IOException started = assertThrows(IOException.class, () -> start(false));
        assertTrue(started.getMessage().startsWith(gone), started.getMessage());

        server.close();
        assertTrue(Files.readString(dir.resolve("logs").resolve("classic.log"))
                .startsWith("(the server's log stayed on the server host: " + gone), "a line in place of the log");
    }
}
