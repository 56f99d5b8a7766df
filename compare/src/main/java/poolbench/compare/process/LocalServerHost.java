package poolbench.compare.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.LocalServerCounters;
import poolbench.compare.machine.Pinning;
import poolbench.compare.machine.ProcFs;
import poolbench.compare.machine.ServerSideCounters;
import poolbench.compare.record.ServerMachine;

/**
 * The servers on this machine, beside the load: each in a JVM (or Go program) of its own on the server CPUs
 * ({@link ServerCommands}), in a quota group of its own when it has one, on loopback. The agent of a server host
 * starts its servers through one of these too.
 */
public final class LocalServerHost implements ServerHost {

    public static final String LOOPBACK = "127.0.0.1";

    private final Pinning pinning;
    private final ServerCommands commands;
    private final String address;
    private final Set<LocalServer> running = ConcurrentHashMap.newKeySet();

    /** Servers on loopback, pinned as {@link Pinning#decide} decides; {@code wanted} false is --no-pin. */
    public LocalServerHost(boolean wanted, Path repo) {
        this(Pinning.decide(wanted), repo, LOOPBACK);
    }

    /** Servers pinned as {@code pinning} says and listening on {@code address} (an agent's). */
    public LocalServerHost(Pinning pinning, Path repo, String address) {
        this.pinning = pinning;
        this.commands = new ServerCommands(pinning, repo);
        this.address = address;
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
        return address;
    }

    @Override
    public CpuQuota quota(double share, long periodMicros) {
        return CpuQuota.decide(share, periodMicros, pinning.serverCpuCount());
    }

    @Override
    public LocalServer start(ServerStart start, Path log) throws IOException, InterruptedException {
        Optional<CpuQuota.Group> group = start.quota().newGroup();
        StackChunkRecording chunks = start.stackChunks() ? new StackChunkRecording(beside(log, ".jfr")) : null;
        try {
            List<String> command = commands.forArm(start.arm(), start.jvm(), chunks == null ? List.of()
                    : chunks.jvmFlags(), group.map(CpuQuota.Group::prefix).orElse(List.of()));
            List<String> args = new java.util.ArrayList<>(start.serverArgs());
            if (!address.equals(LOOPBACK)) {
                // An agent's server: the load reaches it, and compare reads its stats as on one machine, from the
                // other host (serve keeps its stats on loopback unless told).
                args.addAll(List.of("--host", address, "--admin-host", address));
            }
            LocalServer server = new LocalServer(ServerProcess.start(command, start.arm(), args, log),
                    group.orElse(null), chunks);
            running.add(server);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            group.ifPresent(CpuQuota.Group::close);
            throw e;
        }
    }

    private static Path beside(Path log, String suffix) {
        String name = log.getFileName().toString();
        return log.resolveSibling((name.endsWith(".log") ? name.substring(0, name.length() - 4) : name) + suffix);
    }

    @Override
    public ServerSideCounters counters() throws IOException {
        return new LocalServerCounters(ProcFs.SYSTEM, pinning);
    }

    @Override
    public List<String> jvmFlags() {
        return commands.jvmFlags();
    }

    @Override
    public boolean goArmsAvailable() {
        return GoArms.available();
    }

    @Override
    public Optional<ServerMachine> machine() {
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        for (LocalServer s : List.copyOf(running)) {
            s.close();
        }
    }

    /** A server process with its quota group and its flight recording, released together. */
    public final class LocalServer implements HostedServer {
        private final ServerProcess process;
        private final CpuQuota.Group group;
        private final StackChunkRecording chunks;

        private LocalServer(ServerProcess process, CpuQuota.Group group, StackChunkRecording chunks) {
            this.process = process;
            this.group = group;
            this.chunks = chunks;
        }

        @Override
        public int port() {
            return process.port();
        }

        @Override
        public int adminPort() {
            return process.adminPort();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String exitDescription() {
            return process.exitDescription();
        }

        /** Its output so far. */
        public Path log() {
            return process.log();
        }

        @Override
        public long takeStackChunkBytes(long fromMillis, long toMillis) {
            if (chunks == null) {
                return -1;
            }
            long bytes = chunks.bytesBetween(fromMillis, toMillis);
            chunks.delete();
            return bytes;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.close();
            } finally {
                if (group != null) {
                    group.close();
                }
                running.remove(this);
            }
        }
    }
}
