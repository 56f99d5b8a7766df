package poolbench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes the CPU accounting counts as the load's: this JVM (the load generator), and every helper process a
 * workload starts beside it (a downstream backend, a PostgreSQL), with their descendants. A helper not registered
 * here, or not started on the load CPUs ({@link Pinning#loadPrefix()}), counts as interference.
 */
public final class LoadSide {

    private final List<ProcessHandle> helpers = new CopyOnWriteArrayList<>();

    /** Counts {@code process} (and, while it lives, its children) as the load's from now on. */
    public void add(ProcessHandle process) {
        helpers.add(process);
    }

    public void remove(ProcessHandle process) {
        helpers.remove(process);
    }

    /** This JVM and the helpers still alive. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        helpers.stream().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
