package poolbench.compare.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Pinning;
import poolbench.compare.machine.ServerSideCounters;
import poolbench.compare.record.ServerMachine;

/**
 * Where a suite's servers run, and how their side's CPU is read: this machine ({@link LocalServerHost}: the
 * servers beside the load, on the server CPUs) or another one, through its {@code poolbench agent}. The load, its
 * helpers (the downstream backend, PostgreSQL), the windows and the records are on this machine either way.
 */
public interface ServerHost extends AutoCloseable {

    /** The run's CPUs: the servers' (on their host) and the load's (here). */
    Pinning pinning();

    /** The address the load reaches the servers at. */
    String address();

    /** The address the load's helpers listen on, so that the servers reach them. */
    String servicesAddress();

    /** The CPU quota a comparison's servers run under on that host, decided there. */
    CpuQuota quota(double share, long periodMicros) throws IOException;

    /** Starts one server and waits until it says where it listens; its output ends up in {@code log}. */
    HostedServer start(ServerStart start, Path log) throws IOException, InterruptedException;

    /** The server side's counters, for the CPU accounting. */
    ServerSideCounters counters() throws IOException;

    /** The JVM flags every server JVM gets there at the default heap and collector. */
    List<String> jvmFlags();

    /** Whether the Go arms can be built there. */
    boolean goArmsAvailable();

    /** The server host when it is another machine, for environment.json; empty on this machine. */
    Optional<ServerMachine> machine();

    /** Stops every server it started that is still running. */
    @Override
    void close() throws InterruptedException;
}
