package poolbench.compare.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import poolbench.compare.machine.Pinning;

/**
 * The processes the CPU accounting counts as the load's: this JVM (the load generator), and every helper process a
 * workload starts beside it (a downstream backend, a PostgreSQL), with their descendants. A helper not registered
 * here, or not started on the load CPUs ({@link Pinning#loadPrefix()}), counts as interference.
 */
public final class LoadSide {

    private final List<ProcessHandle> helpers = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> database = new CopyOnWriteArrayList<>();

    /** Counts {@code process} (and, while it lives, its children) as the load's from now on. */
    public void add(ProcessHandle process) {
        helpers.add(process);
    }

    /** Counts {@code process} as the load's, and apart as the database's: its CPU per request is shown alone. */
    public void addDatabase(ProcessHandle process) {
        add(process);
        database.add(process);
    }

    public void remove(ProcessHandle process) {
        helpers.remove(process);
        database.remove(process);
    }

    /** The database's processes still alive (their descendants are counted with them). */
    public List<Long> databasePids() {
        return database.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }

    /** The helpers still alive (this JVM, counted apart, is not among them). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        helpers.stream().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
