package poolbench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import poolbench.compare.agent.AgentServerHost;
import poolbench.compare.machine.CpuAccounting;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.FileDescriptors;
import poolbench.compare.machine.Gate;
import poolbench.compare.machine.Interference;
import poolbench.compare.machine.Pinning;
import poolbench.compare.machine.ProcFs;
import poolbench.compare.plan.ArmLabel;
import poolbench.compare.plan.Comparison;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.SuitePlan;
import poolbench.compare.plan.Workload;
import poolbench.compare.process.GoArms;
import poolbench.compare.process.HostedServer;
import poolbench.compare.process.LoadSide;
import poolbench.compare.process.LoadSideServices;
import poolbench.compare.process.LocalServerHost;
import poolbench.compare.process.ServerCommands;
import poolbench.compare.process.ServerHost;
import poolbench.compare.process.ServerStart;
import poolbench.compare.process.StatsClient;
import poolbench.compare.process.StatsSampler;
import poolbench.compare.record.Environment;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.ServerDeltas;
import poolbench.loadgen.LoadConfig;
import poolbench.loadgen.LoadGenerator;
import poolbench.loadgen.LoadResult;
import poolbench.server.accept.Arms;
import poolbench.server.accept.Servers;
import poolbench.server.stats.StatsSnapshot;

/**
 * Runs a suite: for each workload × connection count × repeat × arm, a fresh server JVM, a warm-up, a snapshot
 * of its stats, the measured load, another snapshot (and an idle phase where the workload has one), then the
 * server is stopped and one record is written. Arms take turns within each repeat so that a drift in the
 * machine's speed spreads over all of them instead of favouring whichever ran first.
 */
public final class CompareRun {

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);
    /** The warm-up's rounds once its fixed part is done: a throughput per second to compare with the last. */
    private static final Duration STEADY_ROUND = Duration.ofSeconds(1);
    /** The A/A arm: classic a second time under its own label, so its spread against classic is the run's noise. */
    public static final String AA_ARM = ArmLabel.AA.label();
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(2);

    private final CompareOptions options;
    private final PrintStream out;
    /** Where the servers run, opened by {@link #run}: this machine, or the server host's agent. */
    private ServerHost servers;
    /** Set by {@link #run} from the server host: the servers' CPUs there and the load's here. */
    private Pinning pinning;
    /** The load side's helper processes' command lines (the downstream backend). */
    private ServerCommands commands;
    private final List<RunRecord> completed = new CopyOnWriteArrayList<>();
    private final List<LaunchRecord> launches = new CopyOnWriteArrayList<>();
    /** Where a run directory keeps its comparisons' launch records. */
    public static final String LAUNCHES = "launches";
    private final LoadSide loadSide = new LoadSide();

    public CompareRun(CompareOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** This machine, or the server host named by {@code --server-agent}: asked here, so that --plan asks no one. */
    private ServerHost openServerHost() throws InterruptedException {
        return options.serverAgent() == null ? new LocalServerHost(options.pin(), options.repo())
                : AgentServerHost.connect(options.serverAgent(), options.pin(), options.repo());
    }

    /**
     * Runs every comparison, then every single run, writing each record as it completes; returns the single
     * runs' records (the comparisons' are in {@link #launches()}).
     */
    public List<RunRecord> run() throws IOException, InterruptedException {
        Suite suite = options.effectiveSuite().forArms(options.arms());
        servers = openServerHost();
        pinning = servers.pinning();
        commands = new ServerCommands(pinning, options.repo());
        Path raw = options.out().resolve("raw");
        Path launchDir = options.out().resolve(LAUNCHES);
        List<String> skipped = new ArrayList<>();
        List<Comparison> comparisons = runnableComparisons(suite, skipped);
        List<Scenario> scenarios = runnableScenarios(suite, skipped);
        if (scenarios.isEmpty() && comparisons.isEmpty()) {
            throw new IllegalStateException(skipped.isEmpty() ? "nothing to run: the suite has no run for the arms "
                    + options.arms() : String.join("; ", skipped));
        }
        Files.createDirectories(raw);
        Files.createDirectories(launchDir);
        Files.createDirectories(options.out().resolve("logs"));
        Gate gate = options.gate();
        CpuQuota quota = servers.quota(options.cpuQuota(), options.quotaPeriod().toNanos() / 1_000);
        CpuAccounting accounting = new CpuAccounting(ProcFs.SYSTEM, pinning, gate.othersThreshold(), loadSide::pids,
                loadSide::databasePids, servers.counters(), quota.applied());
        Environment env = Environment.capture(servers.jvmFlags(), pinning, suite, options.repo(),
                accounting.describe(gate, Environment.clockTicksPerSecond()), options.dbPoolSize(), skipped, quota,
                servers.machine().orElse(null));
        ResumedRun resumed = options.resume() ? ResumedRun.read(options.out(), env) : ResumedRun.NONE;
        JSON.writeValue(options.out().resolve("environment.json").toFile(), env);
        pinning.pinThisProcess();
        out.println("poolbench compare: suite " + suite.name() + ", arms " + String.join(", ", options.arms())
                + "; " + pinning.note() + "; server CPU quota " + quota.describe());
        servers.machine().ifPresent(m -> out.println("servers on " + m.hostId() + " (" + m.cpuModel() + ", "
                + m.cpus() + " CPUs) through its agent at " + m.agent() + "; its CPU n is n + " + m.cpuKeyOffset()
                + " in the records' ticks"));
        if (!env.accounting().perCpu()) {
            out.println("unpinned: interference cannot be attributed per CPU; each record carries the machine-wide "
                    + "figures instead");
        }
        skipped.forEach(line -> out.println("skipped " + line));
        if (!suite.sweep().settings().isEmpty()) {
            out.println("heap x collector: " + String.join(", ", env.jvmSettings()) + " for "
                    + String.join(", ", suite.sweep().arms()));
        }
        out.println("writing to " + options.out());

        if (options.resume()) {
            out.println("resuming: " + resumed.summary());
        }
        // The steps left (all of them unless resumed) and their planned time, which the ETA scales by the pace.
        int steps = 0;
        Duration planned = Duration.ZERO;
        for (Comparison c : comparisons) {
            List<Integer> kept = resumed.launchesOf(c).stream().map(LaunchRecord::launch).toList();
            for (int n = 1; n <= c.launches(); n++) {
                if (!kept.contains(n)) {
                    steps++;
                    planned = planned.plus(SuitePlan.launch(c, n));
                }
            }
        }
        for (Scenario s : scenarios) {
            if (resumed.run(s.id()).isEmpty()) {
                steps++;
                planned = planned.plus(SuitePlan.singleRun(suite, s.workload()));
            }
        }
        Progress progress = new Progress(out, options.terminal(), steps, planned);
        try (ServerHost hosted = servers; LoadSideServices services = new LoadSideServices(commands, pinning,
                loadSide, options.out().resolve("logs"), options.dbPoolSize(), servers.servicesAddress(),
                servers.address())) {
            for (Comparison c : comparisons) {
                List<LaunchRecord> done = resumed.launchesOf(c);
                if (done.size() == c.launches()) {
                    launches.addAll(done);
                    continue;
                }
                List<String> serviceArgs = services.serverArgs(c.workload());
                new ComparisonRun(c, servers, pinning, quota, accounting, gate, progress,
                        options.out().resolve("logs"), serviceArgs).run(done, record -> {
                            try {
                                JSON.writeValue(launchDir.resolve(record.id() + ".json").toFile(), record);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            launches.add(record);
                            if (record.error() != null) {
                                out.println((options.terminal() ? "\n" : "") + "  " + record.id() + ": "
                                        + record.error());
                            }
                        });
            }
            for (Scenario s : scenarios) {
                Optional<RunRecord> kept = resumed.run(s.id());
                if (kept.isPresent()) {
                    completed.add(kept.get());
                    continue;
                }
                progress.starting(s.id(), SuitePlan.singleRun(suite, s.workload()));
                RunRecord record = runGated(s, suite, accounting, progress, services);
                JSON.writeValue(raw.resolve(s.id() + ".json").toFile(), record);
                if (record.ok()) {
                    Files.writeString(raw.resolve(s.id() + ".hgrm"), record.load().latencyHgrm());
                } else {
                    out.println((options.terminal() ? "\n" : "") + "  " + s.id() + " failed: " + record.error());
                }
                completed.add(record);
                progress.finished();
            }
        }
        return completed();
    }

    /** The comparisons this machine can run: without the db when it has no PostgreSQL, without Go arms without Go. */
    private List<Comparison> runnableComparisons(Suite suite, List<String> skipped) {
        List<Comparison> runnable = new ArrayList<>();
        for (Comparison c : suite.comparisons()) {
            if (c.workload().needsDatabase()) {
                var reason = LoadSideServices.databaseUnavailable();
                if (reason.isPresent()) {
                    addOnce(skipped, Workload.DB + ": " + reason.get());
                    continue;
                }
            }
            List<String> labels = c.arms();
            if (!servers.goArmsAvailable() && labels.stream().anyMatch(GoArms::isGoArm)) {
                addOnce(skipped, "the Go arms in comparisons: Go is not installed; to include them: " + GoArms.INSTALL);
                labels = labels.stream().filter(l -> !GoArms.isGoArm(l)).toList();
            }
            var shortage = FileDescriptors.serverShortage(c.workload(), c.connections());
            if (shortage.isPresent()) {
                addOnce(skipped, shortage.get());
                continue;
            }
            if (labels.size() >= 2) {
                runnable.add(c.withArms(labels));
            }
        }
        FileDescriptors.checkLoad(runnable.stream().mapToInt(Comparison::connections).max().orElse(0));
        return runnable;
    }

    private List<Scenario> runnableScenarios(Suite suite, List<String> skipped) {
        List<Scenario> scenarios = scenarios(suite, CompareRun::isReference);
        if (scenarios.stream().anyMatch(s -> s.workload().needsDatabase())) {
            var reason = LoadSideServices.databaseUnavailable();
            if (reason.isPresent()) {
                addOnce(skipped, Workload.DB + ": " + reason.get());
                scenarios = scenarios.stream().filter(s -> !s.workload().needsDatabase()).toList();
            }
        }
        FileDescriptors.checkLoad(scenarios.stream().mapToInt(Scenario::connections).max().orElse(0));
        List<Scenario> runnable = new ArrayList<>();
        for (Scenario s : scenarios) {
            var shortage = GoArms.isGoArm(s.arm()) ? java.util.Optional.<String>empty()
                    : FileDescriptors.serverShortage(s.workload(), s.connections());
            if (shortage.isEmpty()) {
                runnable.add(s);
            } else {
                addOnce(skipped, shortage.get());
            }
        }
        return runnable;
    }

    private static void addOnce(List<String> lines, String line) {
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    /** The comparisons' launches finished so far (each is on disk already). */
    public List<LaunchRecord> launches() {
        return List.copyOf(launches);
    }

    /**
     * The processes the accounting counts as the load's besides this JVM: a workload that starts a helper (a
     * downstream backend, a database) on {@link Pinning#loadPrefix()} registers it here.
     */
    public LoadSide loadSide() {
        return loadSide;
    }

    /**
     * The pinning this run uses, once {@link #run} has asked the server host: a helper process starts with its
     * {@link Pinning#loadPrefix()}.
     */
    public Pinning pinning() {
        return pinning;
    }

    /**
     * One scenario, gated: wait for quiet CPUs, run, and retry while others took the CPUs, up to the gate's attempts.
     * The last attempt is kept whatever it measured; a disturbed one is marked by its {@link Interference}.
     */
    private RunRecord runGated(Scenario s, Suite suite, CpuAccounting accounting, Progress progress,
                               LoadSideServices services) throws InterruptedException, IOException {
        Gate gate = options.gate();
        RunRecord record = null;
        for (int attempt = 1; attempt <= gate.attempts(); attempt++) {
            Interference quiet;
            try {
                quiet = accounting.awaitQuiet(gate.quietWait());
            } catch (IOException e) {
                // The CPUs cannot be read (a server host's agent stopped answering): this run fails, not the suite.
                return RunRecord.failed(s.id(), s.arm(), s.workload(), s.connections(), s.repeat(), List.of(), s.jvm(),
                        "the CPUs could not be read before the run: " + describe(e));
            }
            if (!quiet.clean()) {
                progress.say("CPUs not quiet after " + gate.quietWait().toSeconds() + " s ("
                        + accounting.worst(quiet, pinning) + "); running anyway");
            }
            record = runOne(s, suite, accounting, attempt, services);
            if (!record.disturbed()) {
                return record;
            }
            String worst = accounting.worst(record.interference(), pinning);
            progress.say(attempt < gate.attempts()
                    ? "disturbed: " + worst + "; retrying (" + (attempt + 1) + "/" + gate.attempts() + ")"
                    : "disturbed: " + worst + "; kept as disturbed after " + attempt + "/" + gate.attempts()
                    + " attempts, left out of medians, ratios and verdicts");
        }
        return record;
    }

    /**
     * The mixed workload's heavy group: its own connections (per server CPU, so that it can hold every carrier),
     * one load thread, for the measured window plus a margin on each side so that it surrounds the light group's.
     */
    private LoadConfig heavyGroup(Workload w, int port, Duration window) {
        int connections = w.heavyConnectionsPerServerCpu() * Math.max(1, pinning.serverCpuCount());
        return new LoadConfig("http://" + servers.address() + ":" + port + w.heavyPath(), connections, 1,
                window.plus(MixedLoad.HEAVY_MARGIN.multipliedBy(2)), Duration.ZERO, null, false, 1,
                MixedLoad.HEAVY_TIMEOUT);
    }

    /** The records finished so far (each is on disk already): what an interrupted run still has to show. */
    public List<RunRecord> completed() {
        return List.copyOf(completed);
    }

    /** Reads a record written by a run (the report reads them back the same way). */
    public static RunRecord readRecord(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunRecord.class);
    }

    /** One arm × workload × connection count × repeat. */
    public record Scenario(String arm, Workload workload, int connections, int repeat, JvmSetting jvm) {

        public String id() {
            return RunRecord.id(workload.name(), connections, arm, repeat, jvm);
        }
    }

    /**
     * Every run, arms taking turns within each repeat; the sweep's heap × collector runs follow the default ones
     * of the same point and repeat (or replace them, with --heaps/--gcs).
     */
    public List<Scenario> scenarios(Suite suite, Predicate<String> isReference) {
        List<Scenario> list = new ArrayList<>();
        Suite.Sweep sweep = suite.sweep();
        for (Workload w : suite.workloads()) {
            for (int c : w.connections()) {
                for (int r = 1; r <= suite.repeats(); r++) {
                    List<JvmSetting> settings = new ArrayList<>();
                    if (!sweep.replacesDefault()) {
                        settings.add(JvmSetting.DEFAULT);
                    }
                    settings.addAll(sweep.settings());
                    for (JvmSetting jvm : settings) {
                        for (String arm : runArms(suite)) {
                            boolean swept = !jvm.isDefault() || sweep.replacesDefault();
                            if (!w.connectionsFor(isReference.test(arm)).contains(c)) {
                                continue;
                            }
                            if (swept && (isReference.test(arm) || !sweep.covers(arm, w.name(), c))) {
                                continue;
                            }
                            list.add(new Scenario(arm, w, c, r, jvm));
                        }
                    }
                }
            }
        }
        return list;
    }

    /** The single runs' arms: the suite's own where it names them (those chosen), else every chosen arm. */
    private List<String> runArms(Suite suite) {
        if (suite.runArms().isEmpty()) {
            return options.arms();
        }
        return suite.runArms().stream().filter(l -> options.arms().contains(l)
                || options.arms().contains(ArmLabel.servedArm(l))).toList();
    }

    /**
     * The arms a suite runs when none are named: every poolbench arm; the full suite adds the reference servers
     * on the class path and, where Go is installed, the Go originals.
     */
    public static List<String> defaultArms(Suite suite, PrintStream out) {
        List<String> arms = new ArrayList<>(Arms.all().stream().map(a -> a.name()).toList());
        if (suite.references()) {
            Servers.references().forEach(r -> arms.add(r.name()));
            if (GoArms.available()) {
                arms.addAll(GoArms.NAMES);
            } else {
                out.println("the Go arms (go-fasthttp, go-nethttp) are left out: Go is not installed; "
                        + "to include them: " + GoArms.INSTALL);
            }
        }
        return arms;
    }

    /** Every arm compare can run: the arms and references on the class path, and the Go originals. */
    public static List<String> knownArms() {
        List<String> names = new ArrayList<>(Servers.names());
        names.addAll(ArmLabel.variantNames());
        names.addAll(GoArms.NAMES);
        return names;
    }

    /** A production server that is only there for scale (Jetty, Helidon, the Go originals), not an arm. */
    public static boolean isReference(String arm) {
        return arm.startsWith("go-") || Servers.references().stream().anyMatch(r -> r.name().equals(arm));
    }

    /**
     * The suite's warm-up, then one-second rounds until two consecutive ones agree within
     * {@link Suite#STEADY_WITHIN} or the suite's limit is reached. Returns the warm-up used.
     */
    private static Duration warmUp(LoadConfig load, Suite suite) throws InterruptedException {
        if (suite.warmup().isZero()) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        warmUp(load, suite.warmup(), suite.warmupLimit());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * {@code warmup} of closed-loop load, then one-second rounds until two consecutive throughputs agree within
     * {@link Suite#STEADY_WITHIN} or {@code limit} is reached. Returns the last round's throughput (requests/s).
     */
    public static double warmUp(LoadConfig load, Duration warmup, Duration limit) throws InterruptedException {
        double last = LoadGenerator.run(load.withRate(null).withDuration(warmup)).requestsPerSecond();
        Duration used = warmup;
        double previous = Double.NaN;
        while (used.plus(STEADY_ROUND).compareTo(limit) <= 0) {
            last = LoadGenerator.run(load.withRate(null).withDuration(STEADY_ROUND)).requestsPerSecond();
            used = used.plus(STEADY_ROUND);
            if (steady(previous, last)) {
                break;
            }
            previous = last;
        }
        return last;
    }

    public static boolean steady(double previous, double current) {
        return Double.isFinite(previous) && current > 0
                && Math.abs(current - previous) <= Suite.STEADY_WITHIN * Math.max(current, previous);
    }

    /** An exception's message, or its kind when it has none: a failed record always says why. */
    public static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
    }

    /**
     * Why a single run's responses are not a result: more than {@link Comparison#MAX_ERROR_SHARE} of its requests
     * lost or answered with an error status (a dead backend's fast 502s would otherwise pass for a fast server),
     * the overload workload's 503s at the cap excepted, since they are what it shows.
     */
    public static String invalidResponses(Workload w, poolbench.loadgen.LoadResult r) {
        long expected = w.name().equals(Workload.OVERLOAD) ? r.statusClasses().serverError() : 0;
        long bad = r.errors().lostRequests() + r.errors().status() - expected;
        long all = r.requests() + r.errors().lostRequests();
        if (all == 0) {
            return "no response (" + r.errors().connect() + " connects failed)";
        }
        double share = bad / (double) all;
        return share > Comparison.MAX_ERROR_SHARE ? String.format(java.util.Locale.ROOT,
                "%d of %d requests lost or answered with an error status (%.1f%%, more than %.0f%%): %s", bad, all,
                100 * share, 100 * Comparison.MAX_ERROR_SHARE, r.errors()) : null;
    }

    /**
     * How long a request may go unanswered. In a closed loop each connection waits its turn: at 10,000
     * connections a server answering 5,000 requests a second answers each after 2 s, which is slow, not lost.
     */
    public static Duration loadTimeout(int connections) {
        return LOAD_TIMEOUT.multipliedBy(Math.max(1, connections / 2_000));
    }

    private RunRecord runOne(Scenario s, Suite suite, CpuAccounting accounting, int attempt,
                             LoadSideServices services) throws InterruptedException {
        Workload w = s.workload();
        List<String> serverArgs = new ArrayList<>(w.serverArgs());
        serverArgs.addAll(ArmLabel.of(s.arm()).serverArgs());
        Path log = options.out().resolve("logs").resolve(s.id() + ".log");
        // The sweep records StackChunk allocation: a flight recording costs a little, the same for every arm.
        boolean chunks = !s.jvm().isDefault() && !GoArms.isGoArm(s.arm());
        RunRecord measured;
        HostedServer started;
        try {
            serverArgs.addAll(services.serverArgs(w));
            try (HostedServer server = servers.start(new ServerStart(ArmLabel.servedArm(s.arm()), s.jvm(), serverArgs,
                    CpuQuota.NONE, chunks), log)) {
                started = server;
                try {
                    measured = measure(s, suite, accounting, attempt, server, serverArgs);
                } catch (IOException | RuntimeException e) {
                    // A server that died in its window: this run failed, with how it ended; the suite goes on.
                    String why = server.isAlive() ? describe(e) : "the server died: " + server.exitDescription();
                    return RunRecord.failed(s.id(), s.arm(), w, s.connections(), s.repeat(), serverArgs, s.jvm(),
                            why);
                }
            }
        } catch (IOException | RuntimeException e) {
            // IllegalStateException included: a Go arm on a machine without Go fails its runs, not the suite.
            return RunRecord.failed(s.id(), s.arm(), w, s.connections(), s.repeat(), serverArgs, s.jvm(),
                    describe(e));
        }
        String invalid = invalidResponses(w, measured.load());
        if (invalid != null) {
            measured = measured.failedBecause(invalid);
        }
        if (!chunks) {
            return measured;
        }
        long bytes = started.takeStackChunkBytes(measured.before().epochMillis(), measured.after().epochMillis());
        return new RunRecord(measured.id(), measured.arm(), measured.workload(), measured.path(), measured.close(),
                measured.pipeline(), measured.connections(), measured.repeat(), measured.serverArgs(), null,
                measured.load(), measured.server().withStackChunkBytes(bytes), measured.before(), measured.after(),
                measured.end(), measured.samples(), measured.interference(), measured.warmupMillis(), measured.heap(),
                measured.gc(), measured.heavy());
    }

    private RunRecord measure(Scenario s, Suite suite, CpuAccounting accounting, int attempt, HostedServer server,
                              List<String> serverArgs) throws IOException, InterruptedException {
        Workload w = s.workload();
        String url = "http://" + servers.address() + ":" + server.port() + w.path();
        LoadConfig load = LoadConfig.defaults(url).withConnections(s.connections())
                .withThreads(pinning.loadCpuCount()).withDuration(suite.duration()).withWarmup(Duration.ZERO)
                .withClose(w.close()).withPipeline(w.pipeline()).withTimeout(loadTimeout(s.connections()));
        StatsClient stats = new StatsClient(servers.address(), server.adminPort());
        Duration warmup = warmUp(load, suite);
        StatsSnapshot before = stats.read();
        CpuAccounting.Snapshot cpuBefore = accounting.snapshot(server.pid());
        MixedLoad.Results result;
        LoadConfig heavy = w.mixed() ? heavyGroup(w, server.port(), suite.duration()) : null;
        StatsSnapshot after;
        StatsSnapshot end;
        List<StatsSnapshot> samples;
        CpuAccounting.Snapshot cpuAfter;
        try (StatsSampler sampler = new StatsSampler(stats, SAMPLE_INTERVAL)) {
            // The warm-up was the light group's alone; the heavy group starts a margin before this window.
            result = MixedLoad.run(load, heavy);
            cpuAfter = accounting.snapshot(server.pid());
            after = stats.read();
            if (!w.idleAfter().isZero()) {
                Thread.sleep(w.idleAfter());
            }
            end = w.idleAfter().isZero() ? after : stats.read();
            sampler.close();
            samples = sampler.samples();
        }
        ServerDeltas deltas = ServerDeltas.between(before, after, end, samples);
        return new RunRecord(s.id(), s.arm(), w.name(), w.path(), w.close(), w.pipeline(), s.connections(),
                s.repeat(), serverArgs, null, result.measured(), deltas, before, after, end, samples,
                accounting.between(cpuBefore, cpuAfter, attempt), warmup.toMillis(), s.jvm().heap(), s.jvm().gc(),
                result.heavy());
    }
}
