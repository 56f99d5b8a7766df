package poolbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.openjdk.jmh.runner.BenchmarkList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import poolbench.compare.machine.Gate;
import poolbench.compare.machine.Interference;
import poolbench.compare.machine.MachineWindow;
import poolbench.compare.record.Environment;

/**
 * Runs the JMH suites in {@code benchmarks/target/benchmarks.jar} as a child JVM, so the CLI never depends on the
 * benchmarks module. With {@code --suite} it builds the JMH arguments from a {@link JmhSuite} and files the JSON and
 * an environment note under {@code <run>/jmh/}, the run being a scratch one unless {@code --out} or
 * {@code --publish} says otherwise ({@link RunDestination}); without, it hands every argument to JMH untouched.
 * {@code --plan} prints what either would run and how long it takes ({@link JmhPlan}), and runs nothing.
 */
@Command(name = "jmh", sortOptions = false,
        customSynopsis = {"poolbench jmh --suite=quick|full [--plan] [--out=DIR | --publish] [REGEX...]",
            "       poolbench jmh [--plan] [JMH ARGUMENTS...]"},
        description = {
            "Runs the JMH suites in a child JVM: hand-off, thread start, parse,",
            "loopback round trip, LIFO vs FIFO.",
            "",
            "--suite runs a preset with -prof gc and writes <run dir>/jmh/<suite>.json",
            "(JMH's JSON) and <suite>-environment.txt (CPU, cores, kernel, git commit,",
            "load average, and the machine's CPU accounting over the run):",
            "  quick  1 fork, 3 x 1 s warm-up, 30 x 200 ms measurement, stateKiB=512:",
            "         about 5 min; the one to start with",
            "  full   3 forks, 5 x 1 s warm-up, 8 x 2 s measurement, every parameter:",
            "         about 40 min",
            "  Every fork runs with ${bundle:" + HelpValues.JVM_FLAGS + "}, the compare",
            "  suite's server setting. REGEX arguments narrow the suite to the benchmarks they",
            "  match. The report charts a score only when its error is at most 15%% of",
            "  it, and marks in its table every error over 10%%.",
            "The run directory is a scratch one, " + RunDestination.SCRATCH + "/jmh-<UTC time>",
            "in the checkout (git ignores it; ./mvnw clean removes it), unless --out or",
            "--publish is given.",
            "",
            "Without --suite, every argument goes to JMH as given, e.g.",
            "  poolbench jmh -l",
            "  poolbench jmh -f 1 -prof gc Parse",
            "  poolbench jmh --jmh-help          (JMH's own options)",
            ""})
final class JmhCommand implements Callable<Integer> {

    static final String JAR = "benchmarks/target/benchmarks.jar";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--jmh-help", description = "Show JMH's own options (JMH's -h).")
    boolean jmhHelp;

    @Option(names = "--suite", paramLabel = "quick|full", description = "Run a preset suite and file its results.")
    String suite;

    @Option(names = "--plan", description = "Print what would run and its estimated time (forks x (warm-up + "
            + "measured iterations x their time + a fork's start) per benchmark, mode and parameter values); "
            + "run nothing.")
    boolean plan;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory of a suite run (default: a scratch "
            + "directory, " + RunDestination.SCRATCH + "/jmh-<UTC time>).")
    Path out;

    @Option(names = "--publish", description = "File a suite run under results/<date>-<host id> (the compare "
            + "suite's naming; the next free -2, -3... once its jmh/ has results) and rewrite results/README.md.")
    boolean publish;

    /** JMH's arguments: everything this command does not know, in the order given. */
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        JmhSuite chosen = suite == null ? null : JmhSuite.named(suite);
        if (chosen == null && (out != null || publish)) {
            throw new Main.UsageException("--out and --publish say where a suite run goes; give --suite quick or "
                    + "--suite full with them");
        }
        if (chosen != null) {
            for (String argument : jmhArguments) {
                if (argument.startsWith("-")) {
                    throw new Main.UsageException("with --suite only benchmark regexes may follow, not '" + argument
                            + "'; run without --suite to give JMH options");
                }
            }
        }
        Path home = Launcher.home();
        RunDestination destination = chosen == null ? null
                : RunDestination.choose(home, "jmh", "jmh", out, publish, Clock.systemUTC());
        Path jar = home.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new Main.UsageException(jar + " not found; build it with ./mvnw -B -DskipTests package");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (jmhHelp) {
            return runJmh(home, jar, List.of("-h"));
        }
        if (plan) {
            List<String> arguments = chosen == null ? jmhArguments
                    : suiteArguments(chosen, resultFile(destination, chosen), jmhArguments);
            stdout.println("run: java -jar " + JAR + " " + commandLine(arguments));
            if (destination != null) {
                stdout.println("into: " + destination.dir() + " (" + destination.kind().name().toLowerCase(
                        Locale.ROOT) + ")");
            }
            stdout.print(JmhPlan.of(arguments, benchmarkList(jar)).describe(chosen == null ? "JMH"
                    : chosen.label() + " suite"));
            stdout.flush();
            return 0;
        }
        if (chosen == null) {
            return runJmh(home, jar, jmhArguments);
        }
        return runSuite(home, jar, chosen, destination, stdout);
    }

    private int runSuite(Path home, Path jar, JmhSuite chosen, RunDestination destination, PrintWriter stdout)
            throws IOException, InterruptedException {
        Path json = resultFile(destination, chosen);
        Files.createDirectories(json.getParent());
        Path environment = json.resolveSibling(chosen.label() + "-environment.txt");
        List<String> arguments = suiteArguments(chosen, json, jmhArguments);
        JmhPlan planned = JmhPlan.of(arguments, benchmarkList(jar));
        stdout.println("poolbench: " + chosen.label() + " suite: " + planned.runs() + " runs, estimated "
                + JmhPlan.readable(planned.time()) + " (poolbench jmh --plan --suite " + chosen.label()
                + " shows the arithmetic); into " + destination.dir());
        stdout.flush();

        Instant start = Instant.now();
        Files.writeString(environment, environmentNote(home, arguments, start, planned));
        MachineWindow window = MachineWindow.start();
        int exit = runJmh(home, jar, arguments);
        Interference cpu = window.finish(Gate.DEFAULT_THRESHOLD);
        Duration took = Duration.between(start, Instant.now()).withNanos(0);
        Files.writeString(environment, "finished: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " after " + took
                + ", JMH exit code " + exit + ", load average " + loadAverage() + "\n"
                + "cpu accounting over the run (/proc, machine-wide, clock tick 1/"
                + Environment.clockTicksPerSecond() + " s): " + MachineWindow.describe(cpu, Gate.DEFAULT_THRESHOLD)
                + "\n", StandardOpenOption.APPEND);
        if (!cpu.clean()) {
            stdout.println("poolbench: disturbed: " + MachineWindow.describe(cpu, Gate.DEFAULT_THRESHOLD)
                    + "; do not publish these scores");
        }

        if (Files.isRegularFile(json)) {
            JmhJson.compact(json);
            stdout.println("poolbench: JMH results: " + json);
            stdout.println("poolbench: environment: " + environment);
            stdout.flush();
            ReportCommand.afterRun(destination.dir(), System.out);
            if (destination.kind() == RunDestination.Kind.SCRATCH) {
                stdout.println("poolbench: a scratch run, not published; --publish files a run under results/");
            }
        } else {
            stdout.println("poolbench: JMH wrote no results (exit code " + exit + "); environment: " + environment);
        }
        stdout.flush();
        return exit;
    }

    /** {@code <run dir>/jmh/<suite>.json}. */
    private static Path resultFile(RunDestination destination, JmhSuite suite) {
        return destination.dir().resolve("jmh").resolve(suite.label() + ".json").toAbsolutePath();
    }

    /**
     * The JMH arguments of a suite run, the one list both the run and its plan read: the preset's options, the GC
     * profiler (B/op), JSON results into {@code resultFile}, and the regexes that narrow it.
     */
    static List<String> suiteArguments(JmhSuite suite, Path resultFile, List<String> regexes) {
        List<String> arguments = new ArrayList<>(suite.options());
        arguments.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", resultFile.toString()));
        arguments.addAll(regexes);
        return List.copyOf(arguments);
    }

    /** The benchmark list the JMH annotation processor compiled into the jar, which JMH itself runs from. */
    static BenchmarkList benchmarkList(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry list = file.getEntry(BenchmarkList.BENCHMARK_LIST.substring(1));
            if (list == null) {
                throw new Main.UsageException(jar + " has no " + BenchmarkList.BENCHMARK_LIST
                        + "; rebuild it with ./mvnw -B -DskipTests package");
            }
            try (InputStream in = file.getInputStream(list)) {
                return BenchmarkList.fromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String commandLine(List<String> arguments) {
        return arguments.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
    }

    /** Runs {@code java -jar benchmarks.jar arguments} with this terminal; returns its exit code. */
    private static int runJmh(Path home, Path jar, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(arguments);
        Process jmh = new ProcessBuilder(command).directory(home.toFile()).inheritIO().start();
        return jmh.waitFor();
    }

    /** The JDK 21+ java the launcher found; this JVM's own java when run without it. */
    private static String java() {
        String java = System.getenv("POOLBENCH_JAVA");
        if (java != null && !java.isBlank()) {
            return java;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * What JMH's JSON does not say about where the numbers came from. The JSON has the JVM, JDK and VM versions
     * and the forks' JVM flags; this adds the machine, the source and how busy the machine was.
     */
    private static String environmentNote(Path home, List<String> arguments, Instant start, JmhPlan planned) {
        return String.join("\n",
                "started: " + start.truncatedTo(ChronoUnit.SECONDS),
                "run: java -jar " + JAR + " " + commandLine(arguments),
                "planned: " + planned.runs() + " runs, estimated " + JmhPlan.readable(planned.time()),
                "java: " + java() + " (" + firstLine(output(home, java(), "-version")) + ")",
                "cpu: " + Environment.readCpuModel(),
                "cores: " + Runtime.getRuntime().availableProcessors() + " available to the JVM",
                "memory: " + memTotal(),
                "kernel: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "host: " + Environment.machineId(),
                "git: " + Environment.gitCommit(home),
                "load average at start: " + loadAverage(),
                "");
    }

    private static String memTotal() {
        return procField("/proc/meminfo", "MemTotal");
    }

    /** The value of the first {@code name: value} line of a /proc file, or "unknown" off Linux. */
    private static String procField(String file, String name) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Not Linux: say so in the note rather than fail the run.
        }
        return "unknown";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        } catch (IOException | UncheckedIOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** What a short command prints (stdout and stderr), or "" when it cannot be run within 10 s. */
    private static String output(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return "";
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String firstLine(String text) {
        int eol = text.indexOf('\n');
        return (eol < 0 ? text : text.substring(0, eol)).trim();
    }
}
