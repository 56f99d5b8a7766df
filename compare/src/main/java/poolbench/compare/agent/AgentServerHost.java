package poolbench.compare.agent;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import poolbench.compare.agent.AgentProtocol.Counters;
import poolbench.compare.agent.AgentProtocol.CountersRequest;
import poolbench.compare.agent.AgentProtocol.QuotaRequest;
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
import poolbench.compare.process.GoArms;
import poolbench.compare.process.HostedServer;
import poolbench.compare.process.ServerHost;
import poolbench.compare.process.ServerProcess;
import poolbench.compare.process.ServerStart;
import poolbench.compare.record.Environment;
import poolbench.compare.record.ServerMachine;

/**
 * The servers on another machine, through its {@code poolbench agent}: compare's {@link ServerHost} for
 * {@code --server-agent}. The load reaches the servers at the agent's address; the load side's helpers listen on
 * this machine's address toward it; the server side's counters are the agent's reading of its own {@code /proc}.
 *
 * <p>The server host's CPU n is kept under {@code n + }{@link #CPU_KEY_OFFSET} in the accounting's per-CPU map, so
 * that the two machines' CPUs with the same number stay apart; environment.json's {@code serverHost} says so.
 */
public final class AgentServerHost implements ServerHost {

    /** No machine this runs on has a thousand CPUs. */
    public static final int CPU_KEY_OFFSET = 1000;
    private static final Duration START = ServerProcess.START_TIMEOUT.plusMinutes(GoArms.BUILD_TIMEOUT_MINUTES);
    /** A clean stop takes up to 15 s and the kill 5 more (see {@link ServerProcess#close}). */
    private static final Duration STOP = Duration.ofSeconds(30);

    private final AgentClient client;
    private final ServerMachine machine;
    private final Pinning pinning;
    private final String address;
    private final String servicesAddress;
    private final Set<RemoteServer> running = ConcurrentHashMap.newKeySet();
    private final Thread stopOnExit = new Thread(this::stopRunning, "stop-remote-servers");

    private AgentServerHost(AgentClient client, ServerMachine machine, Pinning pinning, String address,
                            String servicesAddress) {
        this.client = client;
        this.machine = machine;
        this.pinning = pinning;
        this.address = address;
        this.servicesAddress = servicesAddress;
        // A compare stopped by Ctrl-C must not leave servers running on the other machine.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Asks the agent for its machine, and checks that it runs the same build as this one.
     *
     * @throws IllegalArgumentException in one line, when it does not answer, refuses the token, or runs another
     *                                  commit
     */
    public static AgentServerHost connect(ServerAgent agent, boolean pin, Path repo) throws InterruptedException {
        AgentClient client = new AgentClient(agent.uri(), agent.token());
        ServerMachine described;
        String address;
        String here;
        try {
            described = client.get(AgentProtocol.MACHINE, ServerMachine.class, AgentClient.SHORT);
            InetAddress host = InetAddress.getByName(agent.uri().getHost());
            address = host.getHostAddress();
            here = towards(host, agent.uri().getPort());
        } catch (AgentClient.NoAnswer e) {
            throw new IllegalArgumentException(e.getMessage() + "; start it on the server host (poolbench agent "
                    + "--host HOST --port PORT --token-file FILE) or correct --server-agent");
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String ours = Environment.gitCommit(repo);
        if (!ours.equals("unknown") && !described.gitCommit().equals("unknown")
                && !Objects.equals(ours, described.gitCommit())) {
            throw new IllegalArgumentException("the server agent at " + agent.uri() + " runs poolbench "
                    + described.gitCommit() + " and this machine " + ours + "; build the same commit on both");
        }
        ServerMachine machine = described.asRecorded(agent.uri().toString(), CPU_KEY_OFFSET);
        return new AgentServerHost(client, machine, Pinning.twoHosts(pin, machine.pinning()), address, here);
    }

    /** This machine's address on the route to {@code host}: where the servers there reach the load's helpers. */
    private static String towards(InetAddress host, int port) throws IOException {
        try (DatagramSocket probe = new DatagramSocket()) {
            // Connecting a datagram socket sends nothing; it only asks the kernel for the route and its source.
            probe.connect(new InetSocketAddress(host, port));
            return probe.getLocalAddress().getHostAddress();
        }
    }

    @Override
    public Pinning pinning() {
        return pinning;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String servicesAddress() {
        return servicesAddress;
    }

    @Override
    public CpuQuota quota(double share, long periodMicros) throws IOException {
        try {
            return client.post(AgentProtocol.QUOTA, new QuotaRequest(share, periodMicros), CpuQuota.class,
                    AgentClient.SHORT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the server agent for its quota", e);
        }
    }

    @Override
    public HostedServer start(ServerStart start, Path log) throws IOException, InterruptedException {
        CpuQuota quota = start.quota();
        StartRequest request = new StartRequest(start.arm(), start.jvm().heap(), start.jvm().gc(),
                ServeFlags.parse(start.serverArgs()), quota.applied() ? quota.share() : 0, quota.periodMicros(),
                start.stackChunks(), log.getFileName().toString());
        Started started = client.post(AgentProtocol.SERVERS, request, Started.class, START);
        RemoteServer server = new RemoteServer(started, log);
        running.add(server);
        return server;
    }

    @Override
    public ServerSideCounters counters() {
        return new AgentCounters(ProcFs.cpuList(machine.pinning().serverCpus(), Set.of()).stream()
                .map(c -> c + CPU_KEY_OFFSET).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public List<String> jvmFlags() {
        return machine.serverJvmFlags();
    }

    @Override
    public boolean goArmsAvailable() {
        return machine.goArms();
    }

    @Override
    public Optional<ServerMachine> machine() {
        return Optional.of(machine);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it stops them, which is what close wants too.
        }
        stopRunning();
    }

    private void stopRunning() {
        for (RemoteServer s : List.copyOf(running)) {
            s.close();
        }
    }

    /** The server host's side, as its agent reads it: the server CPUs keyed apart, the trees of its servers. */
    private final class AgentCounters implements ServerSideCounters {
        private final Set<Integer> cpus;

        AgentCounters(Set<Integer> cpus) {
            this.cpus = cpus;
        }

        @Override
        public Set<Integer> cpus() {
            return cpus;
        }

        /** Two machines: each side's CPUs are its own. */
        @Override
        public boolean apart() {
            return true;
        }

        @Override
        public boolean onThisMachine() {
            return false;
        }

        @Override
        public Reading read(long serverPid, List<Long> waitingPids) throws IOException {
            Counters c;
            try {
                c = client.post(AgentProtocol.COUNTERS, new CountersRequest(serverPid, waitingPids), Counters.class,
                        AgentClient.SHORT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the server host's counters", e);
            }
            SortedMap<Integer, CpuTicks> keyed = new TreeMap<>();
            c.cpus().forEach((cpu, ticks) -> keyed.put(cpu + CPU_KEY_OFFSET, ticks));
            return new Reading(keyed, c.server(), c.waiting());
        }
    }

    /** A server the agent started: each question about it is a request to the agent. */
    private final class RemoteServer implements HostedServer {
        private final Started started;
        private final Path log;
        /** Why the agent stopped answering about this server, once it did; read by the shutdown hook too. */
        private volatile String lost;

        RemoteServer(Started started, Path log) {
            this.started = started;
            this.log = log;
        }

        private String path() {
            return AgentProtocol.SERVERS + "/" + started.pid();
        }

        @Override
        public int port() {
            return started.port();
        }

        @Override
        public int adminPort() {
            return started.adminPort();
        }

        @Override
        public long pid() {
            return started.pid();
        }

        /** False when the agent says it ended, and when the agent is lost: either way, nothing is served. */
        @Override
        public boolean isAlive() {
            try {
                return client.get(path(), Status.class, AgentClient.SHORT).alive();
            } catch (IOException e) {
                lost = e.getMessage();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String exitDescription() {
            if (lost == null) {
                try {
                    return client.get(path(), Status.class, AgentClient.SHORT).exitDescription();
                } catch (IOException e) {
                    lost = e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "unknown: interrupted while asking the server agent";
                }
            }
            return "lost with its agent: " + lost + "; what became of the server on the server host is unknown";
        }

        @Override
        public long takeStackChunkBytes(long fromMillis, long toMillis) {
            try {
                return client.get(path() + AgentProtocol.STACK_CHUNKS + "?from=" + fromMillis + "&to=" + toMillis,
                        StackChunks.class, AgentClient.SHORT).bytes();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Stops it there and brings its log here; an agent that does not answer leaves a line saying so instead. */
        @Override
        public void close() {
            if (!running.remove(this)) {
                return;
            }
            String output;
            try {
                output = client.post(path() + AgentProtocol.STOP, java.util.Map.of(), Stopped.class, STOP).log();
            } catch (IOException e) {
                output = "(the server's log stayed on the server host: " + e.getMessage() + ")\n";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                output = "(interrupted while stopping the server on the server host)\n";
            }
            try {
                Files.createDirectories(log.getParent());
                Files.writeString(log, output);
            } catch (IOException e) {
                // The run's records say how it went; a log that cannot be written here is only a log.
            }
        }
    }
}
