package poolbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;
import poolbench.compare.RunDirectory;
import poolbench.compare.RunRecord;
import poolbench.compare.Suite;
import poolbench.compare.SummaryTable;

@Command(name = "compare", description = {
        "Runs every arm in its own JVM under the same load and records the load's and the server's figures.",
        "Suites: smoke (every arm, tiny, < 1 min), quick (default, one pass over every workload, ~5 min), "
                + "full (connection sweeps, 3 repeats, < 45 min)."})
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
            description = "Workloads to run (default: all of the suite's): plaintext, plaintext-close, "
                    + "plaintext-close-connbuf, pipelined, "
                    + "sleep, cpu, overload, burst.")
    List<String> workloads;

    @Option(names = "--repeats", description = "Repeats per arm and workload (default: the suite's).")
    Integer repeats;

    @Option(names = "--out", description = "Run directory (default: results/<date>-<host id>).")
    Path out;

    @Option(names = "--no-pin", description = "Do not pin the server and the load to separate CPUs.")
    boolean noPin;

    @Override
    public Integer call() throws Exception {
        Suite chosen = Suite.named(suite);
        if (workloads != null) {
            chosen = chosen.onlyWorkloads(workloads);
        }
        if (repeats != null) {
            chosen = chosen.withRepeats(repeats);
        }
        List<String> armNames = arms != null ? arms : CompareRun.defaultArms(chosen, System.out);
        List<String> known = CompareRun.knownArms();
        for (String a : armNames) {
            if (!known.contains(a)) {
                throw new IllegalArgumentException("unknown arm '" + a + "'; valid arms: " + String.join(", ", known));
            }
        }
        Path repo = Launcher.home();
        Path dir = out != null ? out : RunDirectory.next(repo.resolve("results"), "raw");
        var stdout = System.out;
        CompareOptions options = new CompareOptions(chosen, armNames, dir.toAbsolutePath(), !noPin, repo,
                System.console() != null);
        CompareRun run = new CompareRun(options, stdout);
        // Ctrl-C: the records written so far stay on disk; show their table before the JVM goes.
        Thread interrupted = new Thread(() -> {
            stdout.println();
            stdout.println("interrupted; the runs finished so far:");
            SummaryTable.print(run.completed(), stdout);
        }, "compare-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        List<RunRecord> records = run.run();
        Runtime.getRuntime().removeShutdownHook(interrupted);
        stdout.println();
        SummaryTable.print(records, stdout);
        stdout.println();
        stdout.println("records: " + dir.resolve("raw") + "  environment: " + dir.resolve("environment.json"));
        ReportCommand.afterRun(dir, stdout);
        return records.stream().allMatch(RunRecord::ok) ? 0 : 1;
    }
}
