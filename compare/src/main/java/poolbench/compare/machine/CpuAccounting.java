package poolbench.compare.machine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import poolbench.compare.plan.Suite;
import poolbench.compare.process.LoadSide;
import poolbench.compare.record.Environment;

/**
 * Accounts for the CPU time on the server's and the load's CPUs over a window (see {@link Interference} for how
 * each tick is counted), and waits for those CPUs to be quiet before a run.
 *
 * <p>The load side is this JVM plus every process in {@link LoadSide} (a downstream backend, a database) and their
 * descendants; those must run on the load CPUs ({@link Pinning#loadPrefix()}), or their time counts as others'.
 * This JVM counts without its descendants: its children are the servers under test (the server's side) and
 * whatever else it happens to start (others'), and counting either as the load's would hide that much
 * interference on the load's CPUs.
 *
 * <p>The server side (its CPUs, the measured and the waiting servers' trees) is read through
 * {@link ServerSideCounters}: from this machine, or from the server host's agent in a two-host run, whose CPUs are
 * then keyed apart from this machine's in the same per-CPU map.
 *
 * <p>Under a CPU quota, others' tick count on a side is capped by what every other process was seen to use
 * ({@link ProcFs#otherProcessTicks}). The CPU lines of {@code /proc/stat} are sampled at the scheduler tick, which
 * cannot split a CPU finely shared between a throttled server (running a few milliseconds of each quota period) and
 * idle: a busy loop held to 5 ms of each 10 ms ran 100 ticks in 2 s while its CPU read 145 busy (utime +
 * stime are scaled to the kernel's nanosecond runtime; the CPU line counts whoever runs at each 4 ms tick). An
 * intruder is a process, so its time shows in the cap; what the cap cannot see is a neighbour outside this {@code /proc}'s PID namespace, which is why
 * it is applied only under a quota, where the sampling error is known to arise, and only to servers on this machine
 * (the agent of a two-host run does not read the server host's other processes).
 */
public final class CpuAccounting {

    /** Per CPU and window: the two counters are sampled apart, so a tick or two of difference is no one's. */
    public static final long ROUNDING_TICKS = 2;
    /** "Nearly idle for a second" before a run. */
    public static final Duration QUIET_WINDOW = Duration.ofSeconds(1);

    private final ProcFs proc;
    private final ServerSideCounters serverSide;
    private final Set<Integer> serverCpus;
    private final Set<Integer> loadCpus;
    private final boolean pinned;
    private final double threshold;
    private final Supplier<List<Long>> loadPids;
    private final Supplier<List<Long>> databasePids;
    private final boolean capByOtherProcesses;

    public CpuAccounting(ProcFs proc, Pinning pinning, double threshold, Supplier<List<Long>> loadPids)
            throws IOException {
        this(proc, pinning, threshold, loadPids, List::of, false);
    }

    /**
     * The same, with {@code databasePids} among the load's helpers counted apart as well (PostgreSQL on db), and
     * others' ticks capped by the other processes' when {@code serversUnderQuota} (see the class comment).
     */
    public CpuAccounting(ProcFs proc, Pinning pinning, double threshold, Supplier<List<Long>> loadPids,
                         Supplier<List<Long>> databasePids, boolean serversUnderQuota) throws IOException {
        this(proc, pinning, threshold, loadPids, databasePids, new LocalServerCounters(proc, pinning),
                serversUnderQuota);
    }

    /**
     * The same, with the server's side read from {@code serverSide}: this machine's, or the server host's through
     * its agent. The load's side is always this machine's.
     */
    public CpuAccounting(ProcFs proc, Pinning pinning, double threshold, Supplier<List<Long>> loadPids,
                         Supplier<List<Long>> databasePids, ServerSideCounters serverSide, boolean serversUnderQuota)
            throws IOException {
        this.proc = proc;
        this.serverSide = serverSide;
        this.pinned = serverSide.apart();
        this.serverCpus = serverSide.cpus();
        this.loadCpus = ProcFs.cpuList(pinning.loadCpus(), proc.cpus().keySet());
        this.threshold = threshold;
        this.loadPids = loadPids;
        this.databasePids = databasePids;
        this.capByOtherProcesses = serversUnderQuota && serverSide.onThisMachine();
    }

    /**
     * The counters at one instant: every CPU, and each side's processes; {@code others} is every other process
     * (with its reaped children), read only when others' ticks are capped by it, else empty.
     */
    public record Snapshot(SortedMap<Integer, CpuTicks> cpus, Map<Long, Long> server, Map<Long, Long> load,
                    Map<Long, Long> waiting, Map<Long, Long> database, Map<Long, Long> others) {
    }

    public Snapshot snapshot(long serverPid) throws IOException {
        return snapshot(serverPid, List.of());
    }

    /**
     * The counters now, with {@code waitingPids} (the comparison's servers that are not being driven) as a side of
     * their own.
     */
    public Snapshot snapshot(long serverPid, List<Long> waitingPids) throws IOException {
        ServerSideCounters.Reading side = serverSide.read(serverPid, waitingPids);
        Set<Long> load = new LinkedHashSet<>(List.of(ProcessHandle.current().pid()));
        load.addAll(ProcFs.withDescendants(loadPids.get()));
        if (serverSide.onThisMachine()) {
            load.removeAll(side.server().keySet());
            load.removeAll(side.waiting().keySet());
        }
        Set<Long> database = new LinkedHashSet<>(ProcFs.withDescendants(databasePids.get()));
        database.retainAll(load);
        SortedMap<Integer, CpuTicks> cpus = proc.cpus();
        cpus.putAll(side.cpus());
        Map<Long, Long> others = Map.of();
        if (capByOtherProcesses) {
            Set<Long> sides = new LinkedHashSet<>(side.server().keySet());
            sides.addAll(load);
            sides.addAll(side.waiting().keySet());
            others = proc.otherProcessTicks(sides);
        }
        return new Snapshot(cpus, side.server(), proc.processTicksByPid(load), side.waiting(),
                proc.processTicksByPid(database), others);
    }

    /** A process seen only at the end started in the window: all its ticks are the window's. */
    public static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    public Interference between(Snapshot before, Snapshot after, int attempt) {
        long others = capByOtherProcesses ? delta(before.others(), after.others()) : Interference.Ticks.NOT_READ;
        return compute(before.cpus(), after.cpus(), delta(before.server(), after.server()),
                delta(before.load(), after.load()), delta(before.waiting(), after.waiting()), serverCpus, loadCpus,
                pinned, threshold, attempt, ROUNDING_TICKS, others)
                .withDatabaseTicks(delta(before.database(), after.database()));
    }

    /** The accounting of several windows together: their ticks summed, judged as one window. */
    public Interference sum(List<Interference> windows) {
        SortedMap<Integer, CpuTicks> zero = new TreeMap<>();
        SortedMap<Integer, CpuTicks> cpus = new TreeMap<>();
        long server = 0;
        long load = 0;
        long waiting = 0;
        long database = 0;
        long otherProcesses = 0;
        for (Interference w : windows) {
            if (w.ticks() == null) {
                continue;
            }
            otherProcesses = otherProcesses < 0 || w.ticks().otherProcesses() < 0 ? Interference.Ticks.NOT_READ
                    : otherProcesses + w.ticks().otherProcesses();
            w.ticks().cpus().forEach((c, t) -> cpus.merge(c, t, CpuTicks::plus));
            server += w.ticks().serverProcesses();
            load += w.ticks().loadProcesses();
            waiting += w.ticks().waitingProcesses();
            database += w.ticks().databaseProcesses();
        }
        cpus.keySet().forEach(c -> zero.put(c, CpuTicks.ZERO));
        // Each window's counters are sampled apart at both ends, and those errors are independent, so the sum's
        // allowance grows with the square root of the windows, not with their number: a steady intruder that
        // hides under each window's allowance shows in the sum.
        long allowance = ROUNDING_TICKS * (long) Math.ceil(Math.sqrt(Math.max(1, windows.size())));
        return compute(zero, cpus, server, load, waiting, serverCpus, loadCpus, pinned, threshold, 1, allowance,
                otherProcesses).withDatabaseTicks(database);
    }

    public static Interference compute(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                long serverTicks, long loadTicks, Set<Integer> serverCpus, Set<Integer> loadCpus,
                                boolean pinned, double threshold, int attempt) {
        return compute(before, after, serverTicks, loadTicks, 0, serverCpus, loadCpus, pinned, threshold, attempt);
    }

    public static Interference compute(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                long serverTicks, long loadTicks, long waitingTicks, Set<Integer> serverCpus,
                                Set<Integer> loadCpus, boolean pinned, double threshold, int attempt) {
        return compute(before, after, serverTicks, loadTicks, waitingTicks, serverCpus, loadCpus, pinned, threshold,
                attempt, ROUNDING_TICKS, Interference.Ticks.NOT_READ);
    }

    /**
     * The same, with others' share on each side capped by {@code otherProcessTicks}, what every other process used
     * in the window ({@link Interference.Ticks#NOT_READ}: no cap).
     */
    public static Interference compute(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                       long serverTicks, long loadTicks, long waitingTicks, Set<Integer> serverCpus,
                                       Set<Integer> loadCpus, boolean pinned, double threshold, int attempt,
                                       long otherProcessTicks) {
        return compute(before, after, serverTicks, loadTicks, waitingTicks, serverCpus, loadCpus, pinned, threshold,
                attempt, ROUNDING_TICKS, otherProcessTicks);
    }

    /**
     * The arithmetic, apart from reading {@code /proc}. Unpinned, both sides are every CPU: others' share is the
     * machine's, and each side's utilization is its processes' ticks over the machine's (interrupts not attributed).
     * The waiting servers run on the server CPUs, so their time is taken from that side's others.
     */
    private static Interference compute(SortedMap<Integer, CpuTicks> before, SortedMap<Integer, CpuTicks> after,
                                        long serverTicks, long loadTicks, long waitingTicks, Set<Integer> serverCpus,
                                        Set<Integer> loadCpus, boolean pinned, double threshold, int attempt,
                                        long roundingPerCpu, long otherProcessTicks) {
        SortedMap<Integer, CpuTicks> deltas = new TreeMap<>();
        for (var e : after.entrySet()) {
            deltas.put(e.getKey(), e.getValue().minus(before.getOrDefault(e.getKey(), CpuTicks.ZERO)));
        }
        CpuTicks server = sum(deltas, serverCpus);
        CpuTicks load = sum(deltas, loadCpus);
        long serverOthers;
        long loadOthers;
        double serverUse;
        double loadUse;
        if (pinned) {
            serverOthers = others(server, serverTicks + waitingTicks, serverCpus.size(), roundingPerCpu);
            loadOthers = others(load, loadTicks, loadCpus.size(), roundingPerCpu);
            serverUse = share(serverTicks + server.interrupts(), server.total());
            loadUse = share(loadTicks + load.interrupts(), load.total());
        } else {
            serverOthers = others(server, serverTicks + loadTicks + waitingTicks, serverCpus.size(), roundingPerCpu);
            loadOthers = serverOthers;
            serverUse = share(serverTicks, server.total());
            loadUse = share(loadTicks, server.total());
        }
        double steal = worstSteal(deltas, pinned ? union(serverCpus, loadCpus) : serverCpus);
        double waiting = share(waitingTicks, server.total());
        // The waiting servers' time is sampled in whole ticks, and an idle JVM woken for a millisecond at a tick is
        // charged all of it: the same allowance as others' before it counts against the gate.
        double waitingGated = share(waitingTicks - roundingPerCpu * serverCpus.size(), server.total());
        double serverShare = share(capped(serverOthers, otherProcessTicks), server.total());
        double loadShare = share(capped(loadOthers, otherProcessTicks), load.total());
        boolean clean = serverShare <= threshold && loadShare <= threshold && steal <= threshold
                && waitingGated <= Gate.waitingThreshold(threshold);
        return new Interference(serverShare, loadShare, steal, serverUse, loadUse,
                Interference.bottleneck(serverUse, loadUse), clean, attempt, waiting,
                new Interference.Ticks(deltas, serverTicks, loadTicks, waitingTicks, serverOthers, loadOthers, 0,
                        otherProcessTicks));
    }

    /** Others' ticks on a side, no more than every other process used ({@code NOT_READ}: as counted). */
    private static long capped(long others, long otherProcessTicks) {
        return otherProcessTicks == Interference.Ticks.NOT_READ ? others : Math.min(others, otherProcessTicks);
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The largest share steal took of one CPU's time. */
    private static double worstSteal(SortedMap<Integer, CpuTicks> deltas, Set<Integer> cpus) {
        double worst = 0;
        for (int c : cpus) {
            CpuTicks t = deltas.get(c);
            if (t != null) {
                worst = Math.max(worst, share(t.steal(), t.total()));
            }
        }
        return worst;
    }

    private static CpuTicks sum(SortedMap<Integer, CpuTicks> deltas, Set<Integer> cpus) {
        CpuTicks sum = CpuTicks.ZERO;
        for (int c : cpus) {
            CpuTicks t = deltas.get(c);
            if (t != null) {
                sum = sum.plus(t);
            }
        }
        return sum;
    }

    /** Others' ticks on a side, unclamped: negative when the rounding allowance was more than was left. */
    private static long others(CpuTicks side, long ownTicks, int cpuCount, long roundingPerCpu) {
        return side.busy() - side.interrupts() - side.steal() - ownTicks - roundingPerCpu * cpuCount;
    }

    private static double share(long part, long total) {
        return total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) part / total));
    }

    /** What environment.json says about this accounting. */
    public Environment.Accounting describe(Gate gate, long clockTicksPerSecond) {
        return new Environment.Accounting(clockTicksPerSecond, list(serverCpus), list(loadCpus), pinned,
                gate.othersThreshold(), gate.attempts(), gate.quietWait().toMillis() / 1000.0,
                Interference.SATURATED, ROUNDING_TICKS, Suite.STEADY_WITHIN);
    }

    private static String list(Set<Integer> cpus) {
        return cpus.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * "others used 38% of CPU 0": what was over its gate, for the progress line. Steal is named only when it was over
     * the gate itself, so a window the waiting servers tripped is not blamed on a 1% steal.
     */
    public String worst(Interference i, Pinning pinning) {
        if (!pinned) {
            return "others used " + Interference.percent(i.serverCpusOthersShare()) + " of the machine (unpinned)";
        }
        double others = Math.max(i.serverCpusOthersShare(), i.loadCpusOthersShare());
        boolean othersOver = others > threshold;
        boolean stealOver = i.stealShare() > threshold;
        if (stealOver && (!othersOver || i.stealShare() > others)) {
            return "the hypervisor stole " + Interference.percent(i.stealShare()) + " of the CPUs";
        }
        if (!othersOver && !stealOver && !i.clean() && i.waitingShare() > 0) {
            // Nothing else was over its gate: the comparison's waiting servers were.
            return "the comparison's waiting servers used " + Interference.percent(i.waitingShare()) + " of CPU"
                    + (pinning.serverCpus().matches("\\d+") ? " " : "s ") + pinning.serverCpus();
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
    public Interference awaitQuiet(Duration limit) throws IOException, InterruptedException {
        return awaitQuiet(limit, List.of());
    }

    /**
     * The same while {@code ours} (a comparison's servers, idle between its windows) run: they are a side of their
     * own, neither others nor gated, so their sweepers' and compilers' ticks cannot keep a quiet machine from
     * looking quiet. Only others and steal are judged.
     */
    public Interference awaitQuiet(Duration limit, List<Long> ours) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Interference last;
        do {
            Snapshot a = snapshot(-1, ours);
            Thread.sleep(QUIET_WINDOW);
            last = between(a, snapshot(-1, ours), 0);
        } while (!quiet(last) && System.nanoTime() < deadline);
        return last;
    }

    /** Others on both sides and steal at or under the threshold; the comparison's own servers are not judged. */
    public boolean quiet(Interference i) {
        return i.serverCpusOthersShare() <= threshold && i.loadCpusOthersShare() <= threshold
                && i.stealShare() <= threshold;
    }
}
