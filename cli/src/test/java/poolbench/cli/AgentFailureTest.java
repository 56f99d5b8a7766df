package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.agent.AgentServer;
import poolbench.compare.agent.AgentToken;
import poolbench.compare.agent.ServerAgent;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * With the servers behind an agent (here on loopback), a server that dies there fails its run with how it ended,
 * and an agent that is lost fails the runs after it with a line that says so; either way the suite goes on and
 * compare ends with every record written. Three repeats of one single run: the first one's server is killed, the
 * agent is stopped after the second.
 */
class AgentFailureTest {

    private static final Suite THREE_RUNS = new Suite("three-runs", List.of(), List.of(Workload.plaintext(List.of(4),
            List.of())), List.of(), false, Duration.ofMillis(200), Duration.ofSeconds(2), 3, Duration.ofMillis(200),
            Suite.Sweep.NONE);
    private static final Pattern STARTED = Pattern.compile("agent: started classic \\(pid (\\d+)");

    @Test
    @Timeout(120)
    void aServerKilledThereOrALostAgentFailsItsRunsAndTheSuiteGoesOn(@TempDir Path dir) throws Exception {
        AgentToken token = AgentToken.generate();
        ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
        AgentServer agent = AgentServer.start(new InetSocketAddress("127.0.0.1", 0), token, Launcher.home(),
                new PrintStream(agentLog, true, StandardCharsets.UTF_8));
        try {
            CompareOptions options = new CompareOptions(THREE_RUNS, List.of("classic"), dir, false, Launcher.home(),
                    false, new Gate(1.0, 1, Duration.ZERO), List.of(), CompareOptions.DEFAULT_DB_POOL_SIZE,
                    CpuQuota.DEFAULT_SHARE, Duration.ofMillis(10), false,
                    new ServerAgent(URI.create(agent.url()), token));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompareRun run = new CompareRun(options, new PrintStream(out, true, StandardCharsets.UTF_8));
            CompletableFuture<List<RunRecord>> records = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Matcher first = STARTED.matcher(agentLog.toString(StandardCharsets.UTF_8));
            while (!first.find() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                first = STARTED.matcher(agentLog.toString(StandardCharsets.UTF_8));
            }
            assertTrue(first.hasMatch(), "the agent started no server: " + agentLog);
            long victim = Long.parseLong(first.group(1));
            // Started is ready; then 200 ms of warm-up and a 2 s window: a kill 1 s later lands in the window.
            Thread.sleep(1_000);
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            Path second = dir.resolve("raw").resolve("plaintext-c4-classic-r2.json");
            while (Files.notExists(second) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            agent.close();

            List<RunRecord> done = records.get();
            assertEquals(3, done.size(), "the suite went on after each failure");
            assertFalse(done.get(0).ok());
            assertTrue(done.get(0).error().startsWith("the server died: killed by signal 9"), done.get(0).error());
            assertTrue(done.get(1).ok(), done.get(1).error());
            assertFalse(done.get(2).ok());
            assertTrue(done.get(2).error().contains("the server agent at " + agent.url() + " does not answer"),
                    done.get(2).error());
        } finally {
            agent.close();
        }
    }
}
