package poolbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import poolbench.report.Report;

@Command(name = "report", description = {
        "Writes a run directory's README.md (environment, method, tables with the spread over repeats, charts),",
        "CLAIMS.md and claims.json (the article's claims with verdicts computed from the records) and charts/*.png.",
        "When DIR is inside a results/ directory, also rewrites results/README.md, the index of every run; with",
        "--readme, also the project README's latest-results table."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "A run directory written by compare (raw/) or jmh (jmh/).")
    Path dir;

    @Option(names = "--index", paramLabel = "RESULTS",
            description = "Rewrite RESULTS/README.md from every RESULTS/*/claims.json (default: DIR's parent when it "
                    + "is named results).")
    Path index;

    @Option(names = "--readme", paramLabel = "README",
            description = "Rewrite the table between README's <!-- latest-results:start --> and "
                    + "<!-- latest-results:end --> markers from DIR's verdicts (e.g. --readme README.md, when DIR is "
                    + "the run the front page shows); a README without the markers is left as it is.")
    Path readme;

    @Override
    public Integer call() throws Exception {
        Path run = dir.toAbsolutePath().normalize();
        if (!Report.isRunDirectory(run)) {
            throw new Main.UsageException(dir + (Files.isDirectory(run) ? " is not a run directory (no raw/ and no "
                    + "jmh/)" : " does not exist") + ": run ./poolbench compare first, or pass a results/<run> "
                    + "directory");
        }
        if (readme != null && !Files.isRegularFile(readme)) {
            throw new Main.UsageException(readme + " does not exist: pass the project README to --readme, e.g. "
                    + "--readme README.md");
        }
        Path indexDir = index != null ? index.toAbsolutePath().normalize() : defaultIndex(run);
        Report.Written written = Report.write(run, indexDir);
        PrintStream out = System.out;
        Path here = Path.of("").toAbsolutePath();
        out.println("wrote:");
        written.files().forEach(f -> out.println("  " + (f.startsWith(here) ? here.relativize(f) : f)));
        if (indexDir == null) {
            out.println("results index not rewritten: " + dir + " is not inside a results/ directory "
                    + "(pass --index results to rewrite results/README.md)");
        }
        if (readme != null) {
            out.println(Report.writeLatestResults(run, readme));
        }
        out.println();
        out.println("Suggested headline for the project README (markdown):");
        out.println();
        out.print(written.headline());
        return 0;
    }

    /**
     * Writes the report at the end of compare or jmh. The records are already on disk, so a failure here is one
     * line saying how to retry, not a failed run.
     */
    static void afterRun(Path dir, PrintStream out) {
        Path run = dir.toAbsolutePath().normalize();
        try {
            Report.write(run, defaultIndex(run));
            out.println("report: " + run.resolve("README.md") + ", " + run.resolve("CLAIMS.md"));
        } catch (IOException | RuntimeException e) {
            out.println("poolbench: the results are saved but the report failed (" + e.getMessage()
                    + "); retry with: ./poolbench report " + dir);
        }
    }

    /** A run published under results/ keeps results/README.md current; a scratch run elsewhere touches nothing. */
    private static Path defaultIndex(Path run) {
        Path parent = run.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("results")
                ? parent : null;
    }
}
