package poolbench.compare.machine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Where {@link CpuAccounting} reads the server's side: the CPUs the servers run on and the ticks of the measured
 * server's and the waiting servers' process trees. On one machine that is this machine's {@code /proc}
 * ({@link LocalServerCounters}); in a two-host run it is the server host's, read by its agent in the same way and
 * sent as raw ticks, so that the arithmetic stays here, in one place.
 */
public interface ServerSideCounters {

    /** The server side's CPUs, as the accounting's per-CPU map keys them. */
    Set<Integer> cpus();

    /** Whether the two sides' CPUs are apart (pinned on one machine, or two machines), so that each is judged alone. */
    boolean apart();

    /** Whether the server side is this machine: its pids are this machine's, and its CPUs are read with the load's. */
    boolean onThisMachine();

    /** The counters now; {@code serverPid} -1 for none (the quiet wait before a run). */
    Reading read(long serverPid, List<Long> waitingPids) throws IOException;

    /**
     * One reading of the server side.
     *
     * @param cpus    the server host's CPUs, keyed as {@link #cpus()} keys them; empty on this machine, whose CPUs
     *                are read once for both sides
     * @param server  the measured server's process tree: ticks by pid
     * @param waiting the waiting servers' process trees, without the measured one's
     */
    record Reading(SortedMap<Integer, CpuTicks> cpus, Map<Long, Long> server, Map<Long, Long> waiting) {
    }
}
