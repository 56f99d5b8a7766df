package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import poolbench.compare.CompareRun;
import poolbench.compare.agent.AgentServerHost;
import poolbench.compare.agent.AgentToken;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;
import poolbench.server.accept.Arms;

/**
 * The two-host form end to end on one machine: the agent in namespace {@code pb-server}, compare's smoke suite in
 * {@code pb-load}, joined by a veth pair ({@link NamespacePair}). Every arm must be started by the agent: each
 * server's log says it served on pb-server's address, which exists in pb-server alone. Every record must be clean,
 * and afterwards no namespace and no process is left, whatever happened.
 *
 * <p>The tests keep to loopback; this one's addresses are a /30 on a link private to this machine, which exists
 * only while the test runs: loopback in all but name. Where the machine has two CPUs or more, the agent (and its
 * servers) get CPU 0 and compare the rest, as two hosts have CPUs of their own. The gate is open, as in
 * {@link CompareSmokeTest}: this checks the path, not the machine.
 */
class TwoHostCompareTest {

    private static final Duration COMPARE_LIMIT = Duration.ofSeconds(200);

    @Test
    @Timeout(280)
    void compareDrivesEveryArmOnTheServerHostThroughItsAgent(@TempDir Path dir) throws Exception {
        List<Process> started = new ArrayList<>();
        NamespacePair net = NamespacePair.create();
        try {
            run(net, dir, started);
        } finally {
            // SIGTERM first: the agent stops its servers and removes its temporary directory; then whatever is
            // left in either namespace is killed by the pair.
            started.forEach(Process::destroy);
            for (Process p : started) {
                p.waitFor(20, TimeUnit.SECONDS);
            }
            net.close();
        }
        assertFalse(NamespacePair.exists(NamespacePair.SERVER), "pb-server is left");
        assertFalse(NamespacePair.exists(NamespacePair.LOAD), "pb-load is left");
        for (Process p : started) {
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "left running: " + p.pid());
        }
        for (ProcessHandle p : net.killed()) {
            assertFalse(p.isAlive(), "left running in a namespace: " + p.pid());
        }
    }

    private static void run(NamespacePair net, Path dir, List<Process> started) throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> serverCpus = cpus >= 2 ? List.of("taskset", "-c", "0") : List.of();
        List<String> loadCpus = cpus >= 2 ? List.of("taskset", "-c", cpus == 2 ? "1" : "1-" + (cpus - 1)) : List.of();
        Path token = Files.writeString(dir.resolve("token"), AgentToken.generate().reveal());
        String agentUrl = "http://" + NamespacePair.SERVER_ADDRESS + ":7070";

        Path agentLog = dir.resolve("agent.log");
        Process agent = start(NamespacePair.in(NamespacePair.SERVER, poolbench(serverCpus, "agent", "--host",
                NamespacePair.SERVER_ADDRESS, "--port", "7070", "--token-file", token.toString())), agentLog);
        started.add(agent);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!read(agentLog).contains("poolbench agent listening on " + agentUrl) && agent.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(agent.isAlive() && read(agentLog).contains("listening on"), "the agent did not start: "
                + read(agentLog));

        Path runDir = dir.resolve("run");
        Path compareLog = dir.resolve("compare.log");
        Process compare = start(NamespacePair.in(NamespacePair.LOAD, poolbench(loadCpus, "compare", "--suite",
                "smoke", "--server-agent", agentUrl, "--token-file", token.toString(), "--out", runDir.toString(),
                "--max-others", "1", "--attempts", "1", "--quiet-wait", "0s")), compareLog);
        started.add(compare);
        assertTrue(compare.waitFor(COMPARE_LIMIT.toSeconds(), TimeUnit.SECONDS), "compare did not end within "
                + COMPARE_LIMIT.toSeconds() + " s: " + tail(compareLog));
        assertEquals(0, compare.exitValue(), "compare failed: " + tail(compareLog) + "\nagent: " + tail(agentLog));

        List<String> arms = Arms.all().stream().map(a -> a.name()).toList();
        List<RunRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDir.resolve("raw"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                records.add(CompareRun.readRecord(f));
            }
        }
        assertFalse(records.isEmpty());
        for (RunRecord r : records) {
            assertTrue(r.counted(), r.id() + ": " + r.error());
            assertTrue(r.load().requests() > 0 && r.load().errors().lostRequests() == 0, r.id());
            assertEquals(r.load().requests(), r.server().requests(), r.id() + ": server and load disagree");
        }
        LaunchRecord launch;
        try (Stream<Path> files = Files.list(runDir.resolve(CompareRun.LAUNCHES))) {
            List<Path> launches = files.toList();
            assertEquals(1, launches.size(), launches.toString());
            launch = CompareRun.JSON.readValue(launches.get(0).toFile(), LaunchRecord.class);
        }
        assertNull(launch.error(), launch.error());
        assertEquals(arms, launch.servers().stream().map(LaunchRecord.Server::label).toList());
        assertFalse(launch.windows().isEmpty());
        for (Window w : launch.windows()) {
            assertTrue(w.counted(), w.arm() + ": " + w.error());
        }

        // Every arm, in every run and in the launch, was started by the agent, and served in pb-server alone.
        String agentOutput = read(agentLog);
        for (String arm : arms) {
            long starts = agentOutput.lines().filter(l -> l.startsWith("agent: started " + arm + " (pid ")).count();
            long runs = records.stream().filter(r -> r.arm().equals(arm)).count();
            assertEquals(runs + 1, starts, arm + " started " + starts + " times by the agent:\n" + agentOutput);
        }
        try (Stream<Path> logs = Files.list(runDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> !p.getFileName().toString().equals("backend.log")).toList()) {
                assertTrue(read(log).contains(" serving on http://" + NamespacePair.SERVER_ADDRESS + ":"),
                        log.getFileName() + " was not served from pb-server: " + read(log));
            }
        }
        assertTrue(read(runDir.resolve("logs").resolve("backend.log"))
                .contains("serving on http://" + NamespacePair.LOAD_ADDRESS + ":"), "the backend is the load host's");

        JsonNode env = CompareRun.JSON.readTree(runDir.resolve("environment.json").toFile());
        JsonNode serverHost = env.get("serverHost");
        assertNotNull(serverHost, "environment.json describes the server host");
        assertEquals(agentUrl, serverHost.get("agent").asText());
        assertEquals(AgentServerHost.CPU_KEY_OFFSET, serverHost.get("cpuKeyOffset").asInt());
        assertFalse(serverHost.get("cpuModel").asText().isEmpty());
        assertEquals(env.get("gitCommit").asText(), serverHost.get("gitCommit").asText());
        if (cpus >= 2) {
            assertEquals("0", serverHost.get("pinning").get("serverCpus").asText());
            assertEquals(String.valueOf(AgentServerHost.CPU_KEY_OFFSET), env.get("accounting").get("serverCpus")
                    .asText(), "the server host's CPU 0, keyed apart");
        }
    }

    /** {@code poolbench ARGS} in a JVM of its own, as {@code ./poolbench} runs it, under {@code cpus}' taskset. */
    private static List<String> poolbench(List<String> cpus, String... args) {
        List<String> cmd = new ArrayList<>(cpus);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "poolbench.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(Launcher.home().toFile());
        pb.environment().put("POOLBENCH_HOME", Launcher.home().toString());
        return pb.start();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = read(file).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
