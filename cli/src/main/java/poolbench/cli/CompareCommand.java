package poolbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.ComparisonTable;
import poolbench.compare.agent.ServerAgent;
import poolbench.compare.SummaryTable;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Gate;
import poolbench.compare.plan.Comparison;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Suite;
import poolbench.compare.plan.SuitePlan;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;

@Command(name = "compare", description = {
        "Runs the arms under the same load and records the load's and the server's figures.",
        "Claims are decided by comparisons: the arms of a comparison run at once, each in its own JVM on the "
                + "server CPUs under a CPU quota, take the load in short open-loop windows in a new random order "
                + "each round, at the same offered rates (a ladder set from the weakest arm's capacity), and are "
                + "launched several times; demonstrations and context are single runs, one JVM each.",
        "Suites: smoke (every arm, tiny, decides nothing), quick (default: claims 1, 3, 6 and 10, three launches), "
                + "full (every claim, five launches, the heap x collector sweep, references). --plan prints what a "
                + "suite runs and how long it takes, without running it.",
        "Every window is gated: a window whose CPUs others used more than --max-others of is measured again; one "
                + "still disturbed is kept, marked and left out of every figure."})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", defaultValue = "quick", description = "smoke, quick or full (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--arms", split = ",", description = "Arms to run, comma-separated (default: every poolbench "
            + "arm; full adds jetty-qtp, jetty-virtual, helidon, and go-fasthttp, go-nethttp where Go is installed).")
    List<String> arms;

    @Option(names = "--workloads", split = ",",
            description = "Workloads to run (default: all of the suite's): plaintext, plaintext-socket-timeouts, "
                    + "plaintext-close, plaintext-close-connbuf, pipelined, sleep, cpu, overload, burst, downstream, "
                    + "db, mixed.")
    List<String> workloads;

    @Option(names = "--heaps", split = ",", description = "Run every chosen arm and workload at each of these "
            + "heaps (e.g. 256m,1g,4g), each a fresh JVM, instead of the default ${bundle:" + HelpValues.JVM_HEAP
            + "} (and the full suite's own sweep).")
    List<String> heaps;

    @Option(names = "--gcs", split = ",",
            description = "The same for collectors: ${bundle:" + HelpValues.JVM_COLLECTORS + "} (default: ${bundle:"
                    + HelpValues.JVM_GC + "}).")
    List<String> gcs;

    @Option(names = "--db-pool-size", defaultValue = "" + CompareOptions.DEFAULT_DB_POOL_SIZE,
            description = "HikariCP pool size of the servers on db (default: ${DEFAULT-VALUE}).")
    int dbPoolSize;

    @Option(names = "--repeats", description = "Repeats of each single run (default: the suite's).")
    Integer repeats;

    @Option(names = "--launches", description = "Launches of every comparison (default: the suite's; fewer than "
            + Comparison.MIN_LAUNCHES + " gives no interval).")
    Integer launches;

    @Option(names = "--cpu-quota", defaultValue = "" + CpuQuota.DEFAULT_SHARE, description = "The share of its CPUs "
            + "each server may use, through a cgroup of its own (root), so that the load keeps headroom and capacity "
            + "is the server's; 0 for none (default: ${DEFAULT-VALUE}).")
    double cpuQuota;

    @Option(names = "--quota-period", defaultValue = (CpuQuota.DEFAULT_PERIOD_MICROS / 1000) + "ms",
            converter = DurationConverter.class, description = "The quota's period: a throttled server waits at most "
            + "the period minus its quota (default: ${DEFAULT-VALUE}).")
    Duration quotaPeriod;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted or partly failed run in "
            + "DIR: keep its successful runs and complete launches, run the rest and the failed ones into DIR. "
            + "Refused when DIR was run by another commit, with other JVM settings or another suite.")
    Path resume;

    @Option(names = "--plan", description = "Print the comparisons, windows, launches and single runs the suite "
            + "would run here and the time they take, then exit.")
    boolean plan;

    @Option(names = "--out", description = "Run directory (default: a scratch one, " + RunDestination.SCRATCH
            + "/compare-<UTC time>, which git ignores; --publish files the run under results/).")
    Path out;

    @Option(names = "--publish", description = "Write the run to results/<date>-<host id> and rewrite "
            + "results/README.md, for a run that is to be published (default: a scratch directory).")
    boolean publish;

    @Option(names = "--no-pin", description = "Do not pin the server and the load to separate CPUs (interference "
            + "is then recorded machine-wide, not per CPU).")
    boolean noPin;

    @Option(names = "--max-others", defaultValue = "" + Gate.DEFAULT_THRESHOLD, description = "A run whose CPUs other "
            + "processes (or steal) used more than this share of is disturbed and retried (default: ${DEFAULT-VALUE}).")
    double maxOthers;

    @Option(names = "--attempts", defaultValue = "" + Gate.DEFAULT_ATTEMPTS, description = "Tries per run before a "
            + "disturbed one is kept, marked and left out of medians, ratios and verdicts (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--server-agent", paramLabel = "URL", description = "Run the servers on another machine, "
            + "through the poolbench agent at URL (http://HOST:PORT, as it printed), and the load here; the records, "
            + "windows and report are the same, and environment.json describes both machines.")
    String serverAgent;

    @Option(names = "--token-file", paramLabel = "FILE", description = "With --server-agent: the file holding the "
            + "token the agent printed (or read from its own --token-file).")
    Path tokenFile;

    @Option(names = "--quiet-wait", defaultValue = Gate.DEFAULT_QUIET_WAIT_SECONDS + "s", converter = DurationConverter.class,
            description = "Longest wait for quiet CPUs before each run (default: ${DEFAULT-VALUE}).")
    Duration quietWait;

    @Override
    public Integer call() throws Exception {
        Suite chosen = Suite.named(suite);
        if (workloads != null) {
            chosen = chosen.onlyWorkloads(workloads);
        }
        if (repeats != null) {
            chosen = chosen.withRepeats(repeats);
        }
        if (launches != null) {
            chosen = chosen.withLaunches(launches);
        }
        List<String> armNames = arms != null ? arms : CompareRun.defaultArms(chosen, System.out);
        List<String> known = CompareRun.knownArms();
        for (String a : armNames) {
            if (!known.contains(a)) {
                throw new IllegalArgumentException("unknown arm '" + a + "'; valid arms: " + String.join(", ", known));
            }
        }
        Path repo = Launcher.home();
        if (resume != null && out != null && !resume.equals(out)) {
            throw new IllegalArgumentException("--resume writes into the directory it finishes; drop --out");
        }
        Path dir = resume != null ? resume
                : RunDestination.choose(repo, "compare", "raw", out, publish, java.time.Clock.systemUTC()).dir();
        var stdout = System.out;
        List<JvmSetting> settings = heaps == null && gcs == null ? List.of()
                : JvmSetting.combinations(heaps != null ? heaps : List.of(JvmSetting.DEFAULT.heap()),
                        gcs != null ? gcs : List.of(JvmSetting.DEFAULT.gc()));
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("--db-pool-size must be at least 1, was " + dbPoolSize);
        }
        CpuQuota.decide(cpuQuota, quotaPeriod.toNanos() / 1_000, 1);
        if (tokenFile != null && serverAgent == null) {
            throw new IllegalArgumentException("--token-file is the token of --server-agent; give both, or neither");
        }
        ServerAgent agent = serverAgent == null ? null : ServerAgent.of(serverAgent, tokenFile);
        CompareOptions options = new CompareOptions(chosen, armNames, dir.toAbsolutePath(), !noPin, repo,
                System.console() != null, new Gate(maxOthers, attempts, quietWait), settings, dbPoolSize, cpuQuota,
                quotaPeriod, resume != null, agent);
        if (plan) {
            stdout.print(SuitePlan.forOptions(options).text());
            return 0;
        }
        CompareRun run = new CompareRun(options, stdout);
        // Ctrl-C: the records written so far stay on disk; show their table before the JVM goes.
        Thread interrupted = new Thread(() -> {
            stdout.println();
            stdout.println("interrupted; the runs finished so far:");
            ComparisonTable.print(run.launches(), stdout);
            SummaryTable.print(run.completed(), stdout);
        }, "compare-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        List<RunRecord> records;
        try {
            records = run.run();
        } finally {
            // A run that ended, or failed at its start (an agent that does not answer), was not interrupted.
            removeHook(interrupted);
        }
        stdout.println();
        ComparisonTable.print(run.launches(), stdout);
        SummaryTable.print(records, stdout);
        stdout.println();
        stdout.println("records: " + dir.resolve("raw") + "  environment: " + dir.resolve("environment.json"));
        ReportCommand.afterRun(dir, stdout);
        long failedRuns = records.stream().filter(r -> !r.ok()).count();
        long failedLaunches = run.launches().stream().filter(l -> l.error() != null).count();
        long failedWindows = run.launches().stream().flatMap(l -> l.windows().stream()).filter(Window::failed).count();
        if (failedRuns + failedLaunches + failedWindows > 0) {
            stdout.println("failed: " + failedRuns + " single runs, " + failedLaunches + " launches, " + failedWindows
                    + " windows (their reasons are in the records; none is in any figure)");
            return 1;
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came first: the hook runs, and shows what was finished.
        }
    }
}
