package poolbench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import poolbench.compare.machine.CpuAccounting;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Gate;
import poolbench.compare.machine.Interference;
import poolbench.compare.machine.Pinning;
import poolbench.compare.plan.ArmLabel;
import poolbench.compare.plan.Comparison;
import poolbench.compare.plan.SuitePlan;
import poolbench.compare.plan.Workload;
import poolbench.compare.process.HostedServer;
import poolbench.compare.process.ServerHost;
import poolbench.compare.process.ServerStart;
import poolbench.compare.process.StatsClient;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.ServerDeltas;
import poolbench.compare.record.Window;
import poolbench.loadgen.LoadConfig;
import poolbench.loadgen.LoadGenerator;
import poolbench.loadgen.LoadResult;
import poolbench.loadgen.LoadRun;
import poolbench.server.stats.StatsSnapshot;

/**
 * Runs one {@link Comparison}: for each launch, every label's server JVM at once (pinned to the server CPUs, each
 * under its own {@link CpuQuota}), each warmed in turn, then in the first launch a capacity search per arm, then K
 * rounds of windows in a new random order each round. Returns one {@link LaunchRecord} per launch.
 *
 * <p>The threading rule: everything here runs on the caller's thread, but the servers' starts (in parallel, they
 * are independent JVMs) and the mixed workload's heavy group (a load run of its own beside the measured one).
 *
 * <p>Between its windows an arm waits: its JVM is idle but alive, its pooled workers may be reaped (after
 * {@code --max-idle-worker-duration}), its connections from the last window are closed. The lead-in before each
 * window opens the window's connections and starts what was reaped, so the measured part sees the arm warm, as a
 * server under steady load is; what the waiting arms use meanwhile is accounted as a side of its own and gated.
 */
public final class ComparisonRun {

    /**
     * At most this many launches are added to a comparison to replace launches that set no ladder because disturbed
     * probes cut an arm's capacity search short; a window's repeats have the gate's bound, a launch's have this one.
     */
    static final int REPLACED_LAUNCHES = 1;
    /** Each capacity probe goes this far from the last: up while sustained, down while not, then halves the gap. */
    private static final double SEARCH_UP = 1.25;
    private static final double SEARCH_DOWN = 0.7;
    /** The first probe, as a share of the warm-up's closed-loop throughput (which the quota holds near capacity). */
    private static final double SEARCH_START = 0.9;
    /** Mixed: the heavy group's connections, enough that its open loop never waits for a free one. */
    private static final int HEAVY_CONNECTIONS = 16;
    /** Mixed: the new-connection group's most connections at once. */
    private static final int FRESH_CONNECTIONS = 16;
    /** Mixed: a heavy request may queue behind others of its kind; it is not what is measured. */
    private static final Duration HEAVY_TIMEOUT = Duration.ofSeconds(5);
    /** Mixed: how long the heavy group runs alone, closed loop on one connection, to measure one request's CPU. */
    private static final Duration HEAVY_CALIBRATION = Duration.ofMillis(1500);

    private final Comparison comparison;
    private final ServerHost host;
    private final Pinning pinning;
    private final CpuQuota quota;
    private final CpuAccounting accounting;
    private final Gate gate;
    private final Progress progress;
    private final Path logs;
    private final List<String> serviceArgs;

    public ComparisonRun(Comparison comparison, ServerHost host, Pinning pinning, CpuQuota quota,
                  CpuAccounting accounting, Gate gate, Progress progress, Path logs, List<String> serviceArgs) {
        this.comparison = comparison;
        this.host = host;
        this.pinning = pinning;
        this.quota = quota;
        this.accounting = accounting;
        this.gate = gate;
        this.progress = progress;
        this.logs = logs;
        this.serviceArgs = serviceArgs;
    }

    /** The rates the later launches keep: set by the first launch's capacity search. */
    record Ladder(List<Double> rates, String basis, double heavyCpuMillis) {
    }

    /** One label's running server in a launch. */
    private static final class Running {
        final ArmLabel label;
        final List<String> serverArgs;
        HostedServer process;
        StatsClient stats;
        long warmupMillis;
        double warmThroughput;
        double heavyCpuMillis = Double.NaN;
        String error;

        Running(ArmLabel label, List<String> serverArgs) {
            this.label = label;
            this.serverArgs = serverArgs;
        }

        boolean alive() {
            return error == null && process != null;
        }

        LaunchRecord.Server record() {
            return new LaunchRecord.Server(label.label(), label.arm(), serverArgs, warmupMillis, error);
        }
    }

    /**
     * Every launch in turn but those {@code done} holds (a resumed suite's, complete and without error: the first
     * of them sets the ladder as it did); {@code written} receives each new record as it is complete, so an
     * interrupted suite keeps what was measured.
     */
    public List<LaunchRecord> run(List<LaunchRecord> done, java.util.function.Consumer<LaunchRecord> written)
            throws InterruptedException {
        List<LaunchRecord> records = new ArrayList<>();
        Ladder ladder = done.stream().filter(l -> !l.ladder().isEmpty())
                .min(Comparator.comparingInt(LaunchRecord::launch))
                .map(l -> new Ladder(l.ladder(), l.ladderBasis(), l.heavyCpuMillis())).orElse(null);
        int replaced = 0;
        for (int launch = 1; launch <= comparison.launches() + replaced; launch++) {
            int n = launch;
            Optional<LaunchRecord> kept = done.stream().filter(l -> l.launch() == n).findFirst();
            LaunchRecord record;
            if (kept.isPresent() && (ladder != null || n == 1)) {
                record = kept.get();
                records.add(record);
            } else {
                progress.starting(LaunchRecord.id(comparison.id(), launch) + " ("
                        + String.join(", ", comparison.arms()) + ")", SuitePlan.launch(comparison, launch));
                try {
                    record = launch(launch, ladder);
                } catch (IOException e) {
                    record = failed(launch, List.of(), "the launch failed: " + CompareRun.describe(e));
                }
                if (ladder == null && !record.ladder().isEmpty()) {
                    ladder = new Ladder(record.ladder(), record.ladderBasis(), record.heavyCpuMillis());
                }
                records.add(record);
                written.accept(record);
                progress.finished();
            }
            if (lostItsLadderToDisturbance(record) && replaced < REPLACED_LAUNCHES) {
                // Disturbed probes, not the arms, left it without a ladder: one more launch takes its place, once
                // the CPUs are quiet again. A neighbour that never stops would only lose that launch as well.
                if (awaitQuiet(List.of())) {
                    replaced++;
                    progress.added(SuitePlan.launch(comparison, comparison.launches() + replaced));
                    progress.say(LaunchRecord.id(comparison.id(), launch) + " lost its ladder to disturbed probes; "
                            + "one more launch takes its place");
                } else {
                    progress.say(LaunchRecord.id(comparison.id(), launch) + " lost its ladder to disturbed probes, "
                            + "and the CPUs were not quiet after " + gate.quietWait().toSeconds() + " s; not replaced");
                }
            }
        }
        return records;
    }

    static boolean lostItsLadderToDisturbance(LaunchRecord record) {
        return record.ladder().isEmpty() && record.capacities().stream().anyMatch(CapacityPoint::cutShortByDisturbance);
    }

    private LaunchRecord failed(int launch, List<LaunchRecord.Server> servers, String error) {
        return new LaunchRecord(LaunchRecord.id(comparison.id(), launch), comparison.id(),
                comparison.workload().name(), comparison.workload().path(), comparison.workload().close(),
                comparison.connections(), launch, comparison.jvm().heap(), comparison.jvm().gc(), quota,
                comparison.p99BoundMs(), servers, List.of(), fractions(), "", heavyShares(), Double.NaN, List.of(),
                List.of(), List.of(), error);
    }

    private List<Double> fractions() {
        return comparison.mixed() ? List.of() : comparison.ladder();
    }

    private List<Double> heavyShares() {
        return comparison.mixed() ? comparison.heavyShares() : List.of();
    }

    private LaunchRecord launch(int launch, Ladder known) throws IOException, InterruptedException {
        Interference quiet = accounting.awaitQuiet(gate.quietWait());
        if (!quiet.clean()) {
            progress.say("CPUs not quiet after " + gate.quietWait().toSeconds() + " s ("
                    + accounting.worst(quiet, pinning) + "); starting anyway");
        }
        Random random = new Random(comparison.id().hashCode() * 31L + launch);
        List<Running> servers = new ArrayList<>();
        for (String label : comparison.arms()) {
            ArmLabel l = ArmLabel.of(label);
            List<String> args = new ArrayList<>(comparison.workload().serverArgs());
            args.addAll(l.serverArgs());
            args.addAll(serviceArgs);
            servers.add(new Running(l, args));
        }
        try {
            startAll(servers, launch);
            List<Running> order = new ArrayList<>(servers);
            Collections.shuffle(order, random);
            if (known == null) {
                for (Running s : order) {
                    if (s.alive()) {
                        warmUp(s, true);
                    }
                }
            } else {
                warmUpTogether(order);
            }
            List<CapacityPoint> capacities = new ArrayList<>();
            Ladder ladder = known;
            if (ladder == null) {
                ladder = comparison.mixed() ? mixedLadder(servers) : searchCapacities(servers, capacities);
            }
            List<Window> windows = new ArrayList<>();
            List<LaunchRecord.Round> rounds = new ArrayList<>();
            if (!ladder.rates().isEmpty()) {
                for (int round = 1; round <= comparison.rounds(); round++) {
                    runRound(servers, ladder, round, random, windows, rounds);
                }
            }
            return new LaunchRecord(LaunchRecord.id(comparison.id(), launch), comparison.id(),
                    comparison.workload().name(), comparison.workload().path(), comparison.workload().close(),
                    comparison.connections(), launch, comparison.jvm().heap(), comparison.jvm().gc(), quota,
                    comparison.p99BoundMs(), servers.stream().map(Running::record).toList(), ladder.rates(),
                    fractions(), ladder.basis(), heavyShares(), ladder.heavyCpuMillis(), capacities, windows, rounds,
                    ladder.rates().isEmpty() ? ladder.basis() : null);
        } finally {
            stopAll(servers);
        }
    }

    private void startAll(List<Running> servers, int launch) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size(),
                r -> Thread.ofPlatform().daemon().name("start-server").unstarted(r));
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (Running s : servers) {
                starts.add(pool.submit(() -> {
                    start(s, launch);
                    return null;
                }));
            }
            for (Future<?> f : starts) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // start() records its own failure on the server; nothing else can reach here.
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void start(Running s, int launch) {
        Path log = logs.resolve(LaunchRecord.id(comparison.id(), launch) + "-" + s.label.label() + ".log");
        try {
            s.process = host.start(new ServerStart(s.label.arm(), comparison.jvm(), s.serverArgs, quota, false), log);
            s.stats = new StatsClient(host.address(), s.process.adminPort());
        } catch (IOException | RuntimeException e) {
            s.error = "could not start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.error = "interrupted while starting";
        }
    }

    private void stopAll(List<Running> servers) throws InterruptedException {
        for (Running s : servers) {
            if (s.process != null) {
                s.process.close();
            }
        }
    }

    private String url(Running s, String path) {
        return "http://" + host.address() + ":" + s.process.port() + path;
    }

    /** The measured group's load, closed loop, without warm-up of its own. */
    private LoadConfig base(Running s) {
        Workload w = comparison.workload();
        return LoadConfig.defaults(url(s, w.path())).withConnections(comparison.connections())
                .withThreads(pinning.loadCpuCount()).withWarmup(Duration.ZERO).withClose(w.close())
                .withPipeline(w.pipeline()).withTimeout(CompareRun.loadTimeout(comparison.connections()))
                .withDuration(comparison.window());
    }

    /**
     * A later launch's warm-up: every arm at once. What the first launch's warm-up measures alone (the throughput
     * the capacity search starts from, a heavy request's CPU) is known by now, and what is left is the JIT's, which
     * counts requests, not seconds alone: the arms share the server CPUs meanwhile, each under its own quota, so
     * together they warm in about the time of one or two alone (the plan counts one arm's warm-up limit).
     */
    private void warmUpTogether(List<Running> servers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Running s : servers) {
            if (s.alive()) {
                threads.add(Thread.ofPlatform().name("warm-up-" + s.label.label()).start(() -> {
                    try {
                        warmUp(s, false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        s.error = "interrupted in its warm-up";
                    }
                }));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void warmUp(Running s, boolean calibrate) throws InterruptedException {
        long started = System.nanoTime();
        try {
            s.warmThroughput = CompareRun.warmUp(base(s), comparison.warmup(), comparison.warmupLimit());
            if (comparison.mixed() && calibrate) {
                s.heavyCpuMillis = calibrateHeavy(s);
            }
        } catch (IOException | RuntimeException e) {
            s.error = "failed in its warm-up: " + e.getMessage();
        }
        s.warmupMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /** A heavy request's server CPU time: the heavy group alone, closed loop on one connection. */
    private double calibrateHeavy(Running s) throws IOException, InterruptedException {
        LoadConfig heavy = LoadConfig.defaults(url(s, comparison.workload().heavyPath())).withConnections(1)
                .withThreads(1).withDuration(HEAVY_CALIBRATION).withTimeout(HEAVY_TIMEOUT);
        StatsSnapshot before = s.stats.read();
        LoadGenerator.run(heavy);
        StatsSnapshot after = s.stats.read();
        long requests = after.requests() - before.requests();
        if (requests <= 0) {
            throw new IOException("no heavy request was answered in " + HEAVY_CALIBRATION.toMillis() + " ms");
        }
        return (after.processCpuNanos() - before.processCpuNanos()) / 1e6 / requests;
    }

    /**
     * Mixed: the heavy group's rate at each share is set from a heavy request's CPU (the mean over the arms, so
     * every arm gets the same heavy work) and the CPU the server has (its quota).
     */
    private Ladder mixedLadder(List<Running> servers) {
        double cpuMillis = servers.stream().filter(Running::alive).mapToDouble(s -> s.heavyCpuMillis)
                .filter(Double::isFinite).average().orElse(Double.NaN);
        if (!Double.isFinite(cpuMillis) || cpuMillis <= 0) {
            return new Ladder(List.of(), "no arm answered a heavy request in its warm-up", Double.NaN);
        }
        double cpus = quota.applied() ? quota.quotaMicros() / (double) quota.periodMicros() : pinning.serverCpuCount();
        List<Double> rates = comparison.heavyShares().stream().map(share -> share * cpus * 1000 / cpuMillis).toList();
        String basis = String.format(Locale.ROOT, "a heavy request costs %.1f ms of server CPU (mean of the arms' "
                + "warm-ups); the server has %.2f CPU; heavy rates %s/s for shares %s of it", cpuMillis, cpus,
                rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList(), comparison.heavyShares());
        return new Ladder(rates, basis, cpuMillis);
    }

    /**
     * Every arm's capacity, then the ladder from the weakest. An arm whose search found no capacity while some of its
     * probes were disturbed is searched once more after a wait for quiet: without its capacity the weakest arm is not
     * known.
     */
    private Ladder searchCapacities(List<Running> servers, List<CapacityPoint> capacities)
            throws InterruptedException {
        for (Running s : servers) {
            if (!s.alive()) {
                continue;
            }
            CapacityPoint c = search(s, servers);
            if (c.cutShortByDisturbance()) {
                if (awaitQuiet(servers)) {
                    progress.say(s.label.label() + ": its capacity search was cut short by disturbed probes; "
                            + "searching again");
                    c = search(s, servers);
                } else {
                    progress.say(s.label.label() + ": its capacity search was cut short by disturbed probes, and the "
                            + "CPUs were not quiet after " + gate.quietWait().toSeconds() + " s; not searched again");
                }
            }
            capacities.add(c);
        }
        return ladderFrom(capacities, comparison.ladder());
    }

    /**
     * The ladder's rates as {@code fractions} of the weakest capacity. None when some arm's capacity is not known:
     * that arm may be the weakest, and rates set from a stronger one would be over what it can sustain.
     */
    static Ladder ladderFrom(List<CapacityPoint> capacities, List<Double> fractions) {
        if (capacities.isEmpty()) {
            return new Ladder(List.of(), "no arm was searched: no ladder", Double.NaN);
        }
        Optional<CapacityPoint> unknown = capacities.stream().filter(c -> c.capacity() <= 0).findFirst();
        if (unknown.isPresent()) {
            return new Ladder(List.of(), "no ladder: " + unknown.get().arm() + "'s capacity is not known ("
                    + unknown.get().note() + "), and the weakest arm sets the rates", Double.NaN);
        }
        CapacityPoint weakest = capacities.stream().min(Comparator.comparingDouble(CapacityPoint::capacity))
                .orElseThrow();
        double base = weakest.capacity();
        List<Double> rates = fractions.stream().map(f -> (double) Math.round(f * base)).toList();
        String basis = String.format(Locale.ROOT, "%s of %s's capacity, %,.0f/s (the weakest arm, first launch)",
                fractions, weakest.arm(), base);
        return new Ladder(rates, basis, Double.NaN);
    }

    /** Whether a wait of at most the gate's quiet wait found a quiet second ({@code servers} are ours, not others). */
    private boolean awaitQuiet(List<Running> servers) throws InterruptedException {
        try {
            return accounting.quiet(accounting.awaitQuiet(gate.quietWait(), waitingPids(null, servers)));
        } catch (IOException unreadable) {
            // /proc could not be read now: go on, and let each probe's own accounting judge it.
            return true;
        }
    }

    /**
     * The highest sustained offered rate: the first probe at {@link #SEARCH_START} of the warm-up's throughput,
     * then up by {@link #SEARCH_UP} while sustained, down by {@link #SEARCH_DOWN} while not, and halving the gap
     * once both are known, for at most {@link Comparison#searchSteps()} probes (a disturbed probe is repeated).
     */
    private CapacityPoint search(Running s, List<Running> servers) throws InterruptedException {
        List<Window> probes = new ArrayList<>();
        double rate = Math.max(10, Math.round(SEARCH_START * s.warmThroughput));
        Window low = null;
        Window high = null;
        int attempts = 0;
        for (int probe = 1; probe <= comparison.searchSteps() && s.alive(); ) {
            Window w = window(s, servers, Window.CAPACITY, probe, -1, rate, 0, 1 + attempts);
            probes.add(w);
            if (w.disturbed() && attempts + 1 < gate.attempts()) {
                attempts++;
                if (byOthers(w.interference()) == OTHERS) {
                    awaitQuietBriefly(servers);
                }
                continue;
            }
            attempts = 0;
            probe++;
            if (w.error() != null) {
                break;
            }
            if (w.disturbed()) {
                // Still disturbed after its attempts: it says nothing of the server, so the search moves on
                // without it.
                continue;
            }
            if (w.sustained(comparison.p99BoundMs())) {
                low = low == null || rate > low.offeredRate() ? w : low;
            } else {
                high = high == null || rate < high.offeredRate() ? w : high;
            }
            if (high == null) {
                rate = Math.round(rate * SEARCH_UP);
            } else if (low == null) {
                rate = Math.max(10, Math.round(rate * SEARCH_DOWN));
            } else {
                rate = Math.round((low.offeredRate() + high.offeredRate()) / 2);
            }
        }
        if (low == null) {
            long disturbed = probes.stream().filter(Window::disturbed).count();
            String note = disturbed == probes.size() ? CapacityPoint.ALL_DISTURBED
                    : disturbed == 0 ? "no probed rate was sustained"
                    : String.format(Locale.ROOT, "%s: no clean probe was sustained, and %d of %d were disturbed",
                            CapacityPoint.CUT_SHORT, disturbed, probes.size());
            return new CapacityPoint(s.label.label(), 0, false, Double.NaN, false, note, probes);
        }
        double loadUse = low.interference().loadCpuUtilization();
        boolean serverBound = loadUse < Comparison.LOAD_HEADROOM && high != null
                && high.interference() != null && high.interference().loadCpuUtilization() < Comparison.LOAD_HEADROOM;
        String note;
        if (high == null) {
            note = "every probe was sustained: the capacity is at least this";
        } else if (serverBound) {
            note = String.format(Locale.ROOT, "server-bound: the load CPUs were %.0f%% busy at capacity and %.0f%% at "
                    + "the first rate not sustained", 100 * loadUse, 100 * high.interference().loadCpuUtilization());
        } else {
            note = String.format(Locale.ROOT, "not measurable here: the load CPUs were %.0f%% busy at capacity and "
                    + "%.0f%% above it (%.0f%% or more may be the client's limit)", 100 * loadUse,
                    high.interference() == null ? Double.NaN : 100 * high.interference().loadCpuUtilization(),
                    100 * Comparison.LOAD_HEADROOM);
        }
        return new CapacityPoint(s.label.label(), low.offeredRate(), high == null, loadUse, serverBound, note,
                probes);
    }

    /**
     * One round: every label at every step once, in a random order; a disturbed window is measured again at the
     * end of the round, up to the gate's attempts; then the round's counted windows are judged together, and a
     * round whose sum is disturbed is measured again once.
     */
    private void runRound(List<Running> servers, Ladder ladder, int round, Random random, List<Window> windows,
                          List<LaunchRecord.Round> rounds) throws InterruptedException {
        for (int roundAttempt = 1; roundAttempt <= 2; roundAttempt++) {
            List<int[]> order = new ArrayList<>();
            for (int a = 0; a < servers.size(); a++) {
                for (int step = 0; step < ladder.rates().size(); step++) {
                    order.add(new int[] {a, step, 1});
                }
            }
            Collections.shuffle(order, random);
            List<String> names = new ArrayList<>();
            List<Window> measured = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                int[] slot = order.get(i);
                Running s = servers.get(slot[0]);
                if (!s.alive()) {
                    continue;
                }
                if (slot.length > 3 && slot[3] == OTHERS) {
                    awaitQuietBriefly(servers);
                }
                names.add(s.label.label() + "@" + slot[1] + (slot[2] > 1 ? " (again)" : ""));
                double rate = ladder.rates().get(slot[1]);
                Window w = comparison.mixed()
                        ? mixedWindow(s, servers, round, slot[1], rate, slot[2])
                        : window(s, servers, Window.LADDER, round, slot[1], rate, 0, slot[2]);
                measured.add(w);
                if (w.disturbed()) {
                    if (slot[2] < gate.attempts()) {
                        progress.say("disturbed: " + accounting.worst(w.interference(), pinning) + "; "
                                + s.label.label() + " step " + slot[1] + " again at the end of round " + round);
                        order.add(new int[] {slot[0], slot[1], slot[2] + 1, byOthers(w.interference())});
                    } else {
                        progress.say("disturbed: " + accounting.worst(w.interference(), pinning) + "; "
                                + s.label.label() + " step " + slot[1] + " kept as disturbed after " + slot[2]
                                + " attempts, left out");
                    }
                }
            }
            Interference summed = accounting.sum(measured.stream().filter(Window::counted)
                    .map(Window::interference).toList());
            rounds.add(new LaunchRecord.Round(round, names, summed, summed.clean(), roundAttempt));
            if (summed.clean() || roundAttempt == 2) {
                windows.addAll(measured);
                return;
            }
            progress.say("round " + round + " disturbed in sum (" + accounting.worst(summed, pinning)
                    + "); measuring it again");
            String why = Window.ROUND_DISTURBED + accounting.worst(summed, pinning);
            measured.forEach(w -> windows.add(withError(w, why)));
        }
    }

    private void awaitQuietBriefly(List<Running> servers) throws InterruptedException {
        try {
            accounting.awaitQuiet(Gate.RETRY_QUIET_WAIT, waitingPids(null, servers));
        } catch (IOException unreadable) {
            // /proc could not be read now: the repeat is measured at once, and its own accounting judges it.
        }
    }

    /** Marks a repeat whose window others disturbed (not steal alone): it waits for a quiet second first. */
    private static final int OTHERS = 1;

    private int byOthers(Interference i) {
        return Math.max(i.serverCpusOthersShare(), i.loadCpusOthersShare()) > gate.othersThreshold() ? OTHERS : 0;
    }

    private static Window withError(Window w, String error) {
        return new Window(w.arm(), w.phase(), w.round(), w.step(), w.offeredRate(), w.heavyRate(), w.leadInMillis(),
                w.load(), w.heavy(), w.fresh(), w.server(), w.interference(), w.attempt(),
                w.error() != null ? w.error() : error);
    }

    private static List<Long> waitingPids(Running driven, List<Running> servers) {
        return servers.stream().filter(o -> o != driven && o.process != null).map(o -> o.process.pid()).toList();
    }

    /**
     * One open-loop window: the lead-in, then the measured part, between two reads of the server's stats and of
     * the CPU counters. The server's deltas use its own request count, so a read a millisecond off the load's
     * boundary moves no per-request figure.
     */
    private Window window(Running s, List<Running> servers, String phase, int round, int step, double rate,
                          double heavyRate, int attempt) throws InterruptedException {
        LoadConfig config = base(s).withRate(rate).withWarmup(comparison.leadIn());
        long t0 = System.nanoTime();
        LoadRun run = LoadGenerator.start(config);
        try {
            sleepUntil(t0 + comparison.leadIn().toNanos());
            StatsSnapshot before = s.stats.read();
            CpuAccounting.Snapshot cpuBefore = accounting.snapshot(s.process.pid(), waitingPids(s, servers));
            sleepUntil(t0 + comparison.leadIn().plus(comparison.window()).toNanos());
            CpuAccounting.Snapshot cpuAfter = accounting.snapshot(s.process.pid(), waitingPids(s, servers));
            StatsSnapshot after = s.stats.read();
            LoadResult result = run.await();
            return measured(s, phase, round, step, rate, heavyRate, result, null, null, before, after,
                    accounting.between(cpuBefore, cpuAfter, attempt), attempt);
        } catch (IOException | RuntimeException e) {
            run.stop();
            return lost(s, phase, round, step, rate, heavyRate, attempt, e);
        }
    }

    /**
     * A mixed window: the light group on connections it opened in the lead-in, the heavy group from half-way
     * through the lead-in, and new connections from the window's start; the heavy group keeps running until the
     * other two have their last answers.
     */
    private Window mixedWindow(Running s, List<Running> servers, int round, int step, double heavyRate, int attempt)
            throws InterruptedException {
        Workload w = comparison.workload();
        Duration leadIn = comparison.leadIn();
        LoadConfig light = base(s).withRate(Comparison.MIXED_LIGHT_RATE).withWarmup(leadIn)
                .withTimeout(Comparison.MIXED_TIMEOUT).withThreads(1);
        LoadConfig heavy = LoadConfig.defaults(url(s, w.heavyPath())).withConnections(HEAVY_CONNECTIONS)
                .withThreads(1).withRate(heavyRate).withTimeout(HEAVY_TIMEOUT)
                .withDuration(leadIn.dividedBy(2).plus(comparison.window()).plus(Comparison.MIXED_TIMEOUT));
        LoadConfig fresh = LoadConfig.defaults(url(s, w.path())).withConnections(FRESH_CONNECTIONS).withThreads(1)
                .withClose(true).withRate(Comparison.MIXED_FRESH_RATE).withDuration(comparison.window())
                .withTimeout(Comparison.MIXED_TIMEOUT);
        long t0 = System.nanoTime();
        LoadRun lightRun = LoadGenerator.start(light);
        LoadRun heavyRun = null;
        LoadRun freshRun = null;
        try {
            sleepUntil(t0 + leadIn.dividedBy(2).toNanos());
            heavyRun = LoadGenerator.start(heavy);
            sleepUntil(t0 + leadIn.toNanos());
            StatsSnapshot before = s.stats.read();
            CpuAccounting.Snapshot cpuBefore = accounting.snapshot(s.process.pid(), waitingPids(s, servers));
            freshRun = LoadGenerator.start(fresh);
            sleepUntil(t0 + leadIn.plus(comparison.window()).toNanos());
            CpuAccounting.Snapshot cpuAfter = accounting.snapshot(s.process.pid(), waitingPids(s, servers));
            StatsSnapshot after = s.stats.read();
            LoadResult lightResult = lightRun.await();
            LoadResult freshResult = freshRun.await();
            heavyRun.stop();
            LoadResult heavyResult = heavyRun.await();
            return measured(s, Window.MIXED, round, step, Comparison.MIXED_LIGHT_RATE, heavyRate, lightResult,
                    heavyResult, freshResult, before, after, accounting.between(cpuBefore, cpuAfter, attempt),
                    attempt);
        } catch (IOException | RuntimeException e) {
            lightRun.stop();
            if (heavyRun != null) {
                heavyRun.stop();
            }
            if (freshRun != null) {
                freshRun.stop();
            }
            return lost(s, Window.MIXED, round, step, Comparison.MIXED_LIGHT_RATE, heavyRate, attempt, e);
        }
    }

    private Window measured(Running s, String phase, int round, int step, double rate, double heavyRate,
                            LoadResult load, LoadResult heavy, LoadResult fresh, StatsSnapshot before,
                            StatsSnapshot after, Interference interference, int attempt) {
        ServerDeltas deltas = ServerDeltas.between(before, after, after, List.of());
        // On mixed, light requests that get no answer are what is measured (the unanswered share), not a failure.
        String error = Window.MIXED.equals(phase) ? invalidStatuses(load) : invalidResponses(load);
        return new Window(s.label.label(), phase, round, step, rate, heavyRate, comparison.leadIn().toMillis(), load,
                heavy, fresh, deltas, interference, attempt, error);
    }

    /**
     * Why a window's responses are not a measurement: every request lost, or more than
     * {@link Comparison#MAX_ERROR_SHARE} answered with an error status (a dead backend's 502s are fast, and would
     * otherwise pass for a fast server). Lost requests alone make a rate not sustained, not a failed window.
     */
    static String invalidResponses(LoadResult r) {
        if (r.requests() == 0) {
            return "no response in the window (" + r.errors().lostRequests() + " requests lost, "
                    + r.errors().connect() + " connects failed)";
        }
        return invalidStatuses(r);
    }

    /** More than {@link Comparison#MAX_ERROR_SHARE} of the answers had an error status, or null. */
    static String invalidStatuses(LoadResult r) {
        if (r.requests() == 0) {
            return null;
        }
        double statusShare = r.errors().status() / (double) r.requests();
        if (statusShare > Comparison.MAX_ERROR_SHARE) {
            return String.format(Locale.ROOT, "%d of %d responses had an error status (%.1f%%, more than %.0f%%)",
                    r.errors().status(), r.requests(), 100 * statusShare, 100 * Comparison.MAX_ERROR_SHARE);
        }
        return null;
    }

    /** The server stopped answering: this window failed, and when its process is gone, so do its next ones. */
    private Window lost(Running s, String phase, int round, int step, double rate, double heavyRate, int attempt,
                        Exception e) {
        String why = CompareRun.describe(e);
        if (!s.process.isAlive()) {
            s.error = "died during a window: " + s.process.exitDescription();
            why = s.error;
            progress.say(s.label.label() + " " + s.error + "; its remaining windows are skipped");
        }
        return new Window(s.label.label(), phase, round, step, rate, heavyRate, comparison.leadIn().toMillis(), null,
                null, null, null, null, attempt, why);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
