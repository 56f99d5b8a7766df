package poolbench.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code poolbench load URL}: drives any HTTP/1.1 server and prints a wrk-like summary. Bad input is one
 * line on stderr and exit code 2, never a stack trace; Ctrl-C prints (and writes) what was measured so far. A run
 * that got no response, or more errors than {@code --max-errors} allows, ends with one line saying why and exit
 * code 1.
 */
@Command(name = "load", sortOptions = false,
        description = {"HTTP/1.1 load generator (closed loop, or open loop with --rate), like wrk.",
                "Latency goes into HdrHistogram; --json writes the whole result, --hgrm the percentile distribution."})
public final class LoadCommand implements Callable<Integer> {

    /** Exit code for bad input, as picocli uses for usage errors. */
    public static final int EXIT_USAGE = 2;
    /**
     * Exit code for a run that does not count as answered (see {@link ErrorBudget}), or whose files could not be
     * written.
     */
    public static final int EXIT_FAILED = 1;
    private static final Duration REPORT_ON_INTERRUPT_WAIT = Duration.ofSeconds(3);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "http://host[:port][/path][?query]")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N",
            description = "connections to keep open (default: ${DEFAULT-VALUE})")
    int connections = LoadConfig.DEFAULT_CONNECTIONS;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "selector threads (default: available processors, ${DEFAULT-VALUE} here)")
    int threads = LoadConfig.defaultThreads();

    @Option(names = {"-d", "--duration"}, paramLabel = "D", converter = DurationConverter.class,
            description = "measured duration, e.g. 10s, 500ms, 2m (default: 10s)")
    Duration duration = LoadConfig.DEFAULT_DURATION;

    @Option(names = "--warmup", paramLabel = "D", converter = DurationConverter.class,
            description = "warm-up before measuring, discarded (default: 0s)")
    Duration warmup = LoadConfig.DEFAULT_WARMUP;

    @Option(names = {"-R", "--rate"}, paramLabel = "R",
            description = "open loop at R requests/s in total, latency from the intended send time (default: closed loop)")
    Double rate;

    @Option(names = "--close", description = "a new connection for every request (sends Connection: close)")
    boolean close;

    @Option(names = "--pipeline", paramLabel = "N", description = "requests in flight per connection (default: ${DEFAULT-VALUE})")
    int pipeline = LoadConfig.DEFAULT_PIPELINE;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "a request unanswered this long is a timeout error (default: 2s)")
    Duration timeout = LoadConfig.DEFAULT_TIMEOUT;

    @Option(names = "--max-errors", paramLabel = "P", converter = ErrorBudgetConverter.class,
            description = "exit 1 when more than this share of requests and connects failed: lost, answered other "
                    + "than 2xx/3xx, or not connected (default: ${DEFAULT-VALUE}; a run with no response always fails)")
    ErrorBudget maxErrors = ErrorBudget.DEFAULT;

    @Option(names = "--json", paramLabel = "FILE", description = "write the whole result as JSON")
    Path json;

    @Option(names = "--hgrm", paramLabel = "FILE",
            description = "write the latency percentile distribution in ms (open loop: also FILE with .service before the extension)")
    Path hgrm;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /** A command line that reports usage errors in one line; use it (or {@link #ONE_LINE_ERRORS}) when registering the command. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new LoadCommand()).setParameterExceptionHandler(ONE_LINE_ERRORS);
    }

    /** Prints a parse error as one line naming the command and pointing at --help, and exits with {@link #EXIT_USAGE}. */
    public static final CommandLine.IParameterExceptionHandler ONE_LINE_ERRORS = (ex, args) -> {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage() + " (see '" + cmd.getCommandName() + " --help')");
        return EXIT_USAGE;
    };

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadRun run;
        try {
            LoadConfig config = new LoadConfig(url, connections, threads, duration, warmup, rate, close, pipeline, timeout);
            run = LoadGenerator.start(config);
        } catch (IllegalArgumentException e) {
            err.println("load: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        out.printf("Running %s test @ %s%s%n", DurationText.format(duration), url,
                warmup.isZero() ? "" : " after a " + DurationText.format(warmup) + " warm-up");
        out.flush();

        AtomicBoolean reported = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> reportInterrupted(run, reported), "loadgen-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        LoadResult result;
        try {
            result = run.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
            return 1;
        }
        if (!reported.compareAndSet(false, true)) {
            return EXIT_FAILED;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting anyway; the hook sees the result already reported and does nothing.
        }
        boolean written = report(result);
        Optional<String> failure = ErrorBudget.nothingAnswered(result)
                .or(() -> maxErrors.overBudget(result).map(reason -> reason + " by --max-errors"));
        if (failure.isPresent()) {
            err.println("load: " + failure.get());
            err.flush();
            return EXIT_FAILED;
        }
        return written ? 0 : EXIT_FAILED;
    }

    private void reportInterrupted(LoadRun run, AtomicBoolean reported) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        run.stop();
        try {
            Optional<LoadResult> result = run.await(REPORT_ON_INTERRUPT_WAIT);
            result.ifPresent(this::report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the summary and writes the files asked for; false when a file could not be written. */
    private boolean report(LoadResult result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(result.summary());
        out.flush();
        try {
            if (json != null) {
                result.writeJson(json);
            }
            if (hgrm != null) {
                result.writeLatencyHgrm(hgrm);
                if (result.serviceTime() != null) {
                    Files.writeString(serviceTimeFile(hgrm), result.serviceTimeHgrm());
                }
            }
            return true;
        } catch (IOException e) {
            err.println("load: cannot write " + e.getMessage() + "; check that the directory exists and is writable");
            err.flush();
            return false;
        }
    }

    /** {@code run.hgrm} becomes {@code run.service.hgrm}. */
    static Path serviceTimeFile(Path hgrm) {
        String name = hgrm.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String serviceName = dot > 0 ? name.substring(0, dot) + ".service" + name.substring(dot) : name + ".service";
        return hgrm.resolveSibling(serviceName);
    }

    /** Converts {@code --max-errors}, with a message that says what to type instead. */
    static final class ErrorBudgetConverter implements CommandLine.ITypeConverter<ErrorBudget> {
        @Override
        public ErrorBudget convert(String value) {
            try {
                return ErrorBudget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts duration options, with a message that says what to type instead. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Runs the command on its own: {@code java -cp ... poolbench.loadgen.LoadCommand URL ...}. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }
}
