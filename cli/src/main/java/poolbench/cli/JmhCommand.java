package poolbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import poolbench.compare.Environment;
import poolbench.compare.Gate;
import poolbench.compare.Interference;
import poolbench.compare.MachineWindow;
import poolbench.compare.RunDirectory;

/**
 * Runs the JMH suites in {@code benchmarks/target/benchmarks.jar} as a child JVM, so the CLI never depends on the
 * benchmarks module. With {@code --suite} it builds the JMH arguments itself and files the JSON and an environment
 * note under {@code results/<run>/jmh/}; without, it hands every argument to JMH untouched.
 */
@Command(name = "jmh", sortOptions = false,
        customSynopsis = {"poolbench jmh --suite=quick|full [--out=DIR] [REGEX...]",
            "       poolbench jmh [JMH ARGUMENTS...]"},
        description = {
            "Runs the JMH suites in a child JVM: hand-off, thread start, parse,",
            "loopback round trip, LIFO vs FIFO.",
            "",
            "--suite writes <run dir>/jmh/<suite>.json (JMH JSON with -prof gc) and",
            "<suite>-environment.txt (CPU, cores, kernel, git commit, load average):",
            "  quick  1 fork, 2 x 1 s warm-up, 3 x 1 s measurement, stateKiB=512;",
            "         44 runs, about 5 minutes",
            "  full   3 forks, 5 x 1 s warm-up, 5 x 2 s measurement, every",
            "         parameter: 48 runs (hand-off 2 methods x 6 targets x 2 modes",
            "         = 24, loopback 2 x 5 arms = 10, parse 2 x 2 = 4, thread start",
            "         2, LIFO/FIFO 2 stateKiB x 2 jobs x 2 orders = 8) x 3 forks x",
            "         15 s = 36 min, plus ~2 s per fork to start = about 41 min",
            "  Forks run with -Xms512m -Xmx512m -XX:+UseG1GC, as compare's servers.",
            "  The note also records the machine's CPU accounting over the run",
            "  (others' share, steal, the run's own); the report flags any score",
            "  whose error is over 10%% of it.",
            "REGEX arguments narrow the suite to the benchmarks they match.",
            "",
            "Without --suite, every argument goes to JMH as given, e.g.",
            "  poolbench jmh -l",
            "  poolbench jmh -f 1 -prof gc Parse",
            "  poolbench jmh --jmh-help          (JMH's own options)",
            ""})
final class JmhCommand implements Callable<Integer> {

    /**
     * The heap every fork gets, the compare suite's server flags: with JMH's default (a quarter of the machine's
     * memory, grown on demand) an allocating benchmark measures the kernel handing out fresh pages as the young
     * generation grows (ParseBenchmark.perConnectionBuffers measured 75 us/op so, 8 us/op with a fixed heap).
     */
    static final String FORK_JVM_FLAGS = "-Xms512m -Xmx512m -XX:+UseG1GC";

    /** The presets; each is the JMH options of one suite, before the profiler and the result file. */
    enum Suite {
        QUICK("-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s", "-p", "stateKiB=512"),
        /**
         * Fits 45 minutes on this 2-CPU machine (the arithmetic is in the command's help): 15 measured iterations per
         * benchmark over 3 forks, so JMH's 99.9% error is about 1.07 standard deviations of an iteration.
         */
        FULL("-f", "3", "-wi", "5", "-w", "1s", "-i", "5", "-r", "2s");

        final List<String> options;

        Suite(String... options) {
            List<String> all = new ArrayList<>(List.of(options));
            all.addAll(List.of("-jvmArgsAppend", FORK_JVM_FLAGS));
            this.options = List.copyOf(all);
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Suite named(String name) {
            for (Suite s : values()) {
                if (s.label().equals(name)) {
                    return s;
                }
            }
            throw new Main.UsageException("unknown suite '" + name + "'; valid suites: "
                    + Arrays.stream(values()).map(Suite::label).collect(Collectors.joining(", ")));
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--jmh-help", description = "Show JMH's own options (JMH's -h).")
    boolean jmhHelp;

    @Option(names = "--suite", paramLabel = "quick|full", description = "Run a preset suite and file its results.")
    String suite;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: results/<date>-<host id>, "
            + "the compare suite's naming; the next free -2, -3... once its jmh/ has results).")
    Path out;

    /** JMH's arguments: everything this command does not know, in the order given. */
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Suite chosen = suite == null ? null : Suite.named(suite);
        Path home = Launcher.home();
        Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            throw new Main.UsageException(jar + " not found; build it with ./mvnw -B -DskipTests package");
        }
        if (jmhHelp) {
            return runJmh(home, jar, List.of("-h"));
        }
        if (chosen == null) {
            return runJmh(home, jar, jmhArguments);
        }
        for (String argument : jmhArguments) {
            if (argument.startsWith("-")) {
                throw new Main.UsageException("with --suite only benchmark regexes may follow, not '" + argument
                        + "'; run without --suite to give JMH options");
            }
        }
        Path dir = (out != null ? out : RunDirectory.next(home.resolve("results"), "jmh")).resolve("jmh");
        Files.createDirectories(dir);
        Path json = dir.resolve(chosen.label() + ".json").toAbsolutePath();
        Path environment = dir.resolve(chosen.label() + "-environment.txt").toAbsolutePath();

        List<String> arguments = new ArrayList<>(chosen.options);
        arguments.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", json.toString()));
        arguments.addAll(jmhArguments);
        Instant start = Instant.now();
        Files.writeString(environment, environmentNote(home, arguments, start));
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
            spec.commandLine().getOut().println("poolbench: disturbed: "
                    + MachineWindow.describe(cpu, Gate.DEFAULT_THRESHOLD) + "; do not publish these scores");
        }

        PrintWriter out = spec.commandLine().getOut();
        if (Files.isRegularFile(json)) {
            JmhJson.compact(json);
            out.println("poolbench: JMH results: " + json);
            out.println("poolbench: environment: " + environment);
            out.flush();
            ReportCommand.afterRun(dir.getParent(), System.out);
        } else {
            out.println("poolbench: JMH wrote no results (exit code " + exit + "); environment: " + environment);
        }
        out.flush();
        return exit;
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
    private static String environmentNote(Path home, List<String> arguments, Instant start) {
        return String.join("\n",
                "started: " + start.truncatedTo(ChronoUnit.SECONDS),
                "run: java -jar benchmarks/target/benchmarks.jar " + arguments.stream()
                        .map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" ")),
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
