package poolbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.db.PostgresCluster;

/**
 * The services the {@code downstream} and {@code db} workloads call, started once per compare when the first run
 * needs them and stopped at its end: a poolbench {@code virtual} server whose {@code /sleep} is the backend, and
 * a throwaway PostgreSQL with TechEmpower's World table. Both run on the load's CPUs, as load: they are what the
 * server under test waits on, not part of it.
 */
final class LoadSideServices implements AutoCloseable {

    /** The backend's JVM: small and fixed, whatever the server under test is given. */
    static final List<String> BACKEND_JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");

    private final ServerCommands commands;
    private final Pinning pinning;
    private final Path logs;
    private final int dbPoolSize;
    private ServerProcess backend;
    private PostgresCluster postgres;

    LoadSideServices(ServerCommands commands, Pinning pinning, Path logs, int dbPoolSize) {
        this.commands = commands;
        this.pinning = pinning;
        this.logs = logs;
        this.dbPoolSize = dbPoolSize;
    }

    /** Why the db workload cannot run on this machine, or empty when it can. */
    static Optional<String> databaseUnavailable() {
        return PostgresCluster.unavailableReason();
    }

    /** The {@code serve} options that point a server at what {@code w} needs, starting it on first use. */
    List<String> serverArgs(Workload w) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        if (w.needsBackend()) {
            if (backend == null) {
                backend = ServerProcess.start(commands.onLoadCpus(BACKEND_JVM_FLAGS), "virtual", List.of(),
                        logs.resolve("backend.log"));
            }
            args.addAll(List.of("--downstream", "127.0.0.1:" + backend.port()));
        }
        if (w.needsDatabase()) {
            if (postgres == null) {
                postgres = PostgresCluster.start(pinning.loadPrefix());
            }
            args.addAll(List.of("--db-url", postgres.jdbcUrl(), "--db-pool-size", Integer.toString(dbPoolSize)));
        }
        return args;
    }

    /**
     * The load-side processes running now (the backend JVM, PostgreSQL and its backends): the interference
     * accounting counts their CPU with the load's, not as others'.
     */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        if (backend != null) {
            ProcessHandle.of(backend.pid()).ifPresent(all::add);
        }
        if (postgres != null) {
            all.add(postgres.process());
            postgres.process().descendants().forEach(all::add);
        }
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (backend != null) {
                backend.close();
            }
        } finally {
            backend = null;
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        }
    }
}
