package poolbench.compare.machine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server side on this machine: the server CPUs of the {@link Pinning} (every CPU when unpinned), and the
 * process trees from {@code /proc}. A server's tree is its pid and, while they live, its descendants.
 */
public final class LocalServerCounters implements ServerSideCounters {

    private final ProcFs proc;
    private final Set<Integer> cpus;
    private final boolean pinned;

    public LocalServerCounters(ProcFs proc, Pinning pinning) throws java.io.IOException {
        this.proc = proc;
        this.cpus = ProcFs.cpuList(pinning.serverCpus(), proc.cpus().keySet());
        this.pinned = pinning.enabled();
    }

    @Override
    public Set<Integer> cpus() {
        return cpus;
    }

    @Override
    public boolean apart() {
        return pinned;
    }

    @Override
    public boolean onThisMachine() {
        return true;
    }

    @Override
    public Reading read(long serverPid, List<Long> waitingPids) {
        Set<Long> serverTree = serverPid >= 0 ? ProcFs.withDescendants(List.of(serverPid)) : Set.of();
        Set<Long> waiting = new LinkedHashSet<>(ProcFs.withDescendants(waitingPids));
        waiting.removeAll(serverTree);
        return new Reading(new TreeMap<>(), proc.processTicksByPid(serverTree), proc.processTicksByPid(waiting));
    }
}
