package poolbench.compare.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import poolbench.compare.agent.AgentProtocol.Counters;
import poolbench.compare.agent.AgentProtocol.CountersRequest;
import poolbench.compare.agent.AgentProtocol.StackChunks;
import poolbench.compare.agent.AgentProtocol.StartRequest;
import poolbench.compare.agent.AgentProtocol.Started;
import poolbench.compare.agent.AgentProtocol.Status;
import poolbench.compare.agent.AgentProtocol.Stopped;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.CpuTicks;
import poolbench.compare.machine.Pinning;
import poolbench.compare.machine.ProcFs;
import poolbench.compare.machine.ServerSideCounters;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.process.GoArms;
import poolbench.compare.process.LocalServerHost;
import poolbench.compare.process.LocalServerHost.LocalServer;
import poolbench.compare.process.ServerStart;
import poolbench.compare.record.ServerMachine;
import poolbench.server.accept.Servers;

/**
 * The servers an agent runs on its machine. It starts one only by the name of an arm or a reference it has, with
 * typed options ({@link ServeFlags}), through a {@link LocalServerHost} on the agent's address: the same command
 * lines, pinning and quota groups as compare's own servers get. A server is known by its pid from its start until
 * its stop (and, with a flight recording, until its StackChunk count is taken); only those pids are read.
 */
final class AgentServers implements AutoCloseable {

    /** More at once is not a comparison (the full suite's largest has eight); it is a runaway client. */
    static final int MOST_RUNNING = 32;
    private static final Pattern LOG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final int LOG_TAIL_BYTES = 1 << 20;

    private final LocalServerHost host;
    private final ServerSideCounters counters;
    private final Path repo;
    private final Path logs;
    private final PrintStream log;
    private final List<String> startable;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    private record Known(String arm, LocalServer server, Path log, boolean recording) {
    }

    AgentServers(Pinning pinning, Path repo, String address, PrintStream log) throws IOException {
        this.host = new LocalServerHost(pinning, repo, address);
        this.counters = host.counters();
        this.repo = repo;
        this.logs = Files.createTempDirectory("poolbench-agent-");
        this.log = log;
        this.startable = startable();
    }

    /** What an agent starts: the arms and references on its class path, and the Go originals. */
    static List<String> startable() {
        List<String> names = new ArrayList<>(Servers.names());
        names.addAll(GoArms.NAMES);
        return List.copyOf(names);
    }

    ServerMachine machine(String agent) {
        return ServerMachine.thisOne(agent, repo, host.pinning(), host.jvmFlags(), host.goArmsAvailable());
    }

    CpuQuota quota(AgentProtocol.QuotaRequest r) throws RequestFailed {
        try {
            return host.quota(r.share(), r.periodMicros());
        } catch (IllegalArgumentException e) {
            throw new RequestFailed(400, e.getMessage());
        }
    }

    Started start(StartRequest r, String from) throws RequestFailed, InterruptedException {
        if (r.arm() == null || !startable.contains(r.arm())) {
            throw new RequestFailed(400, "unknown arm '" + r.arm() + "': an agent starts only poolbench's arms and "
                    + "references: " + String.join(", ", startable));
        }
        if (r.heap() == null || r.gc() == null) {
            throw new RequestFailed(400, "a start request needs its server's heap and gc (e.g. 512m, g1)");
        }
        if (r.logName() != null && !LOG_NAME.matcher(r.logName()).matches()) {
            throw new RequestFailed(400, "logName must be letters, digits, '.', '-' and '_', was '" + r.logName()
                    + "'");
        }
        JvmSetting jvm;
        CpuQuota quota;
        try {
            jvm = new JvmSetting(r.heap(), r.gc());
            quota = r.quotaShare() == 0 ? CpuQuota.NONE : host.quota(r.quotaShare(), r.quotaPeriodMicros());
        } catch (IllegalArgumentException e) {
            throw new RequestFailed(400, e.getMessage());
        }
        if (known.size() >= MOST_RUNNING) {
            throw new RequestFailed(429, "this agent runs " + known.size() + " servers already; stop some first");
        }
        Path file = logs.resolve(serial.incrementAndGet() + "-" + (r.logName() == null ? "server.log" : r.logName()));
        ServeFlags serve = r.serve() == null ? ServeFlags.NONE : r.serve();
        try {
            LocalServer server = host.start(new ServerStart(r.arm(), jvm, serve.args(), quota, r.stackChunks()),
                    file);
            known.put(server.pid(), new Known(r.arm(), server, file, r.stackChunks()));
            log.println("agent: started " + r.arm() + " (pid " + server.pid() + ", port " + server.port() + ") for "
                    + from);
            return new Started(server.pid(), server.port(), server.adminPort());
        } catch (IOException | RuntimeException e) {
            // The server did not come up (it exited, or a Go arm cannot be built here): the host's failure.
            throw new RequestFailed(500, "could not start " + r.arm() + ": " + oneLine(e));
        }
    }

    Status status(long pid) throws RequestFailed {
        LocalServer s = find(pid).server();
        return new Status(s.isAlive(), s.exitDescription());
    }

    Stopped stop(long pid) throws RequestFailed, InterruptedException {
        Known k = find(pid);
        k.server().close();
        String output = tail(k.log());
        try {
            Files.deleteIfExists(k.log());
        } catch (IOException ignored) {
            // Left in the agent's temporary directory, removed at its exit.
        }
        if (!k.recording()) {
            known.remove(pid);
        }
        log.println("agent: stopped " + k.arm() + " (pid " + pid + ")");
        return new Stopped(output);
    }

    StackChunks stackChunks(long pid, long fromMillis, long toMillis) throws RequestFailed {
        Known k = find(pid);
        if (k.server().isAlive()) {
            throw new RequestFailed(409, "server " + pid + " still runs: its recording is written at its stop");
        }
        known.remove(pid);
        return new StackChunks(k.server().takeStackChunkBytes(fromMillis, toMillis));
    }

    Counters counters(CountersRequest r) throws RequestFailed, IOException {
        if (r.server() != -1) {
            find(r.server());
        }
        List<Long> waiting = r.waiting() == null ? List.of() : r.waiting();
        for (long pid : waiting) {
            find(pid);
        }
        ServerSideCounters.Reading reading = counters.read(r.server(), waiting);
        SortedMap<Integer, CpuTicks> cpus = new TreeMap<>(ProcFs.SYSTEM.cpus());
        cpus.keySet().retainAll(counters.cpus());
        return new Counters(cpus, reading.server(), reading.waiting());
    }

    private Known find(long pid) throws RequestFailed {
        Known k = known.get(pid);
        if (k == null) {
            throw new RequestFailed(404, "no server with pid " + pid + " was started by this agent (or it was "
                    + "stopped)");
        }
        return k;
    }

    private static String tail(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int from = Math.max(0, bytes.length - LOG_TAIL_BYTES);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the log on the server host could not be read: " + e.getMessage() + ")";
        }
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Stops every server still running, and removes the logs and recordings left (both are in one directory). */
    @Override
    public void close() throws InterruptedException {
        for (Known k : List.copyOf(known.values())) {
            k.server().close();
        }
        known.clear();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A temporary directory: the system removes what is left.
        }
    }
}
