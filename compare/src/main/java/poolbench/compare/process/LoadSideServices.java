package poolbench.compare.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.compare.machine.Pinning;
import poolbench.compare.plan.Workload;
import poolbench.db.PostgresCluster;

/**
 * The services the {@code downstream} and {@code db} workloads call, started once per compare when the first run
 * needs them and stopped at its end: a poolbench {@code virtual} server whose {@code /sleep} is the backend, and
 * a throwaway PostgreSQL with TechEmpower's World table. Both run on the load's CPUs, as load: they are what the
 * server under test waits on, not part of it, and both are registered in the run's {@link LoadSide}, so the CPU
 * accounting counts them (PostgreSQL's backends as its descendants) with the load's. With the servers on another
 * machine they listen on this machine's address toward it, and PostgreSQL takes connections from there.
 */
public final class LoadSideServices implements AutoCloseable {

    /** The backend's JVM: small and fixed, whatever the server under test is given. */
    public static final List<String> BACKEND_JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");

    private final ServerCommands commands;
    private final Pinning pinning;
    private final LoadSide loadSide;
    private final Path logs;
    private final int dbPoolSize;
    private final String address;
    private final String serversAddress;
    private ServerProcess backend;
    private PostgresCluster postgres;

    public LoadSideServices(ServerCommands commands, Pinning pinning, LoadSide loadSide, Path logs, int dbPoolSize) {
        this(commands, pinning, loadSide, logs, dbPoolSize, LocalServerHost.LOOPBACK, LocalServerHost.LOOPBACK);
    }

    /** The same, listening on {@code address}, for servers that connect from {@code serversAddress}. */
    public LoadSideServices(ServerCommands commands, Pinning pinning, LoadSide loadSide, Path logs, int dbPoolSize,
                            String address, String serversAddress) {
        this.commands = commands;
        this.pinning = pinning;
        this.loadSide = loadSide;
        this.logs = logs;
        this.dbPoolSize = dbPoolSize;
        this.address = address;
        this.serversAddress = serversAddress;
    }

    /** Why the db workload cannot run on this machine, or empty when it can. */
    public static Optional<String> databaseUnavailable() {
        return PostgresCluster.unavailableReason();
    }

    /** The {@code serve} options that point a server at what {@code w} needs, starting it on first use. */
    public List<String> serverArgs(Workload w) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        if (w.needsBackend()) {
            if (backend != null && !backend.isAlive()) {
                // The backend died (a run's 502s said so): the next run gets a new one, not the same failure.
                ProcessHandle.of(backend.pid()).ifPresent(loadSide::remove);
                backend.close();
                backend = null;
            }
            if (backend == null) {
                backend = ServerProcess.start(commands.onLoadCpus(BACKEND_JVM_FLAGS), "virtual",
                        address.equals(LocalServerHost.LOOPBACK) ? List.of() : List.of("--host", address),
                        logs.resolve("backend.log"));
                ProcessHandle.of(backend.pid()).ifPresent(loadSide::add);
            }
            args.addAll(List.of("--downstream", address + ":" + backend.port()));
        }
        if (w.needsDatabase()) {
            if (postgres == null) {
                postgres = PostgresCluster.start(pinning.loadPrefix(), address, serversAddress);
                loadSide.addDatabase(postgres.process());
            }
            args.addAll(List.of("--db-url", postgres.jdbcUrl(), "--db-pool-size", Integer.toString(dbPoolSize)));
        }
        return args;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (backend != null) {
                ProcessHandle.of(backend.pid()).ifPresent(loadSide::remove);
                backend.close();
            }
        } finally {
            backend = null;
            if (postgres != null) {
                loadSide.remove(postgres.process());
                postgres.close();
                postgres = null;
            }
        }
    }
}
