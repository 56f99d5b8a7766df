package poolbench.compare;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Accounts for the CPU time on the server's and the load's CPUs over a window (see {@link Interference} for how
 * each tick is counted), and waits for those CPUs to be quiet before a run.
 *
 * <p>The load side is this JVM plus every process in {@link LoadSide} (a downstream backend, a database) and their
 * descendants; those must run on the load CPUs ({@link Pinning#loadPrefix()}), or their time counts as others'.
 */
final class CpuAccounting {

    /** Per CPU and window: the two counters are sampled apart, so a tick or two of difference is no one's. */
    static final long ROUNDING_TICKS = 2;
    /** "Nearly idle for a second" before a run. */
    static final Duration QUIET_WINDOW = Duration.ofSeconds(1);

    private final ProcFs proc;
    private final Set<Integer> serverCpus;
    private final Set<Integer> loadCpus;
    private final boolean pinned;
    private final double threshold;
    private final Supplier<List<Long>> loadPids;
    /** ksoftirqd of the server's CPUs and of the load's: their time is the run's packets, counted as that side's. */
    private final List<Long> serverSoftirq;
    private final List<Long> loadSoftirq;

    CpuAccounting(ProcFs proc, Pinning pinning, double threshold, Supplier<List<Long>> loadPids) throws IOException {
        this.proc = proc;
        Set<Integer> every = proc.cpus().keySet();
        this.pinned = pinning.enabled();
        this.serverCpus = ProcFs.cpuList(pinning.serverCpus(), every);
        this.loadCpus = ProcFs.cpuList(pinning.loadCpus(), every);
        this.threshold = threshold;
        this.loadPids = loadPids;
        Map<Integer, Long> softirq = proc.softirqThreads();
        this.serverSoftirq = serverCpus.stream().filter(softirq::containsKey).map(softirq::get).toList();
        this.loadSoftirq = pinned ? loadCpus.stream().filter(softirq::containsKey).map(softirq::get).toList()
                : List.of();
    }

    /** The counters at one instant: every CPU, and each side's processes. */
    record Snapshot(SortedMap<Integer, CpuTicks> cpus, Map<Long, Long> server, Map<Long, Long> load) {
    }

    Snapshot snapshot(long serverPid) throws IOException {
        List<Long> server = new ArrayList<>(serverSoftirq);
        if (serverPid >= 0) {
            server.add(serverPid);
        }
        List<Long> load = new ArrayList<>(loadSoftirq);
        load.addAll(loadPids.get());
        return new Snapshot(proc.cpus(), ticks(server), ticks(load));
    }

    private Map<Long, Long> ticks(List<Long> pids) {
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : ProcFs.withDescendants(pids)) {
            ticks.putIfAbsent(pid, proc.processTicks(pid));
        }
        return ticks;
    }

    /** A process seen only at the end started in the window: all its ticks are the window's. */
    static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    Interference between(Snapshot before, Snapshot after, int attempt) {
        return compute(before.cpus(), after.cpus(), delta(before.server(), after.server()),
                delta(before.load(), after.load()), serverCpus, loadCpus, pinned, threshold, attempt);
    }

    /**
     * The arithmetic, apart from reading {@code /proc}. Unpinned, both sides are every CPU: others' share is the
     * machine's, and each side's utilization is its processes' ticks over the machine's (interrupts not attributed).
     */
    static Interference compute(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                long serverTicks, long loadTicks, Set<Integer> serverCpus, Set<Integer> loadCpus,
                                boolean pinned, double threshold, int attempt) {
        CpuTicks server = sum(before, after, serverCpus);
        CpuTicks load = sum(before, after, loadCpus);
        double serverOthers;
        double loadOthers;
        double serverUse;
        double loadUse;
        double steal;
        if (pinned) {
            serverOthers = others(server, serverTicks, serverCpus.size());
            loadOthers = others(load, loadTicks, loadCpus.size());
            serverUse = share(serverTicks + server.interrupts(), server.total());
            loadUse = share(loadTicks + load.interrupts(), load.total());
            steal = share(server.steal() + load.steal(), server.total() + load.total());
        } else {
            serverOthers = others(server, serverTicks + loadTicks, serverCpus.size());
            loadOthers = serverOthers;
            serverUse = share(serverTicks, server.total());
            loadUse = share(loadTicks, server.total());
            steal = share(server.steal(), server.total());
        }
        boolean clean = serverOthers <= threshold && loadOthers <= threshold && steal <= threshold;
        return new Interference(serverOthers, loadOthers, steal, serverUse, loadUse,
                Interference.bottleneck(serverUse, loadUse), clean, attempt);
    }

    private static CpuTicks sum(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                Set<Integer> cpus) {
        CpuTicks sum = CpuTicks.ZERO;
        for (int c : cpus) {
            CpuTicks a = after.get(c);
            if (a != null) {
                sum = sum.plus(a.minus(before.getOrDefault(c, CpuTicks.ZERO)));
            }
        }
        return sum;
    }

    private static double others(CpuTicks side, long ownTicks, int cpuCount) {
        long others = side.busy() - side.interrupts() - side.steal() - ownTicks - ROUNDING_TICKS * cpuCount;
        return share(Math.max(0, others), side.total());
    }

    private static double share(long part, long total) {
        return total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) part / total));
    }

    /** What environment.json says about this accounting. */
    Environment.Accounting describe(Gate gate, long clockTicksPerSecond) {
        return new Environment.Accounting(clockTicksPerSecond, list(serverCpus), list(loadCpus), pinned,
                gate.othersThreshold(), gate.attempts(), gate.quietWait().toMillis() / 1000.0,
                Interference.SATURATED, ROUNDING_TICKS, Suite.STEADY_WITHIN);
    }

    private static String list(Set<Integer> cpus) {
        return cpus.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** "others used 38% of CPU 0": the worse side, for the progress line. */
    String worst(Interference i, Pinning pinning) {
        if (!pinned) {
            return "others used " + Interference.percent(i.serverCpusOthersShare()) + " of the machine (unpinned)";
        }
        if (i.stealShare() > Math.max(i.serverCpusOthersShare(), i.loadCpusOthersShare())) {
            return "the hypervisor stole " + Interference.percent(i.stealShare()) + " of the CPUs";
        }
        boolean server = i.serverCpusOthersShare() >= i.loadCpusOthersShare();
        String cpus = server ? pinning.serverCpus() : pinning.loadCpus();
        return "others used " + Interference.percent(server ? i.serverCpusOthersShare() : i.loadCpusOthersShare())
                + " of CPU" + (cpus.matches("\\d+") ? " " : "s ") + cpus;
    }

    /**
     * Waits, at most {@code limit}, until a one-second window finds both sides' CPUs quiet (others at or under the
     * threshold, with no server running). Returns the last window's figures: clean when it was quiet.
     */
    Interference awaitQuiet(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Interference last;
        do {
            Snapshot a = snapshot(-1);
            Thread.sleep(QUIET_WINDOW);
            last = between(a, snapshot(-1), 0);
        } while (!last.clean() && System.nanoTime() < deadline);
        return last;
    }
}
