package poolbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import poolbench.report.documents.FindingsCheck;

@Command(name = "check-findings", description = {
        "Checks a run directory's FINDINGS.md: every number in a sentence that",
        "links to a table, chart or claim (README.md#…, CLAIMS.md#…, charts/…,",
        "another run, results/README.md) must appear in the section or file it",
        "links to, rounded as the sentence prints it: 1.5× is shown by 1.53×, 13k",
        "by 12,500 to 13,499, 17,763 by 17,763 alone.",
        "Prints one line per mismatch (FINDINGS.md:LINE: NUMBER is not in LINK) and",
        "per number only a chart without data beside it could show (unverifiable).",
        "Exits 1 on a mismatch or a broken link, 0 otherwise. It reads the pages as",
        "./poolbench report last wrote them."})
final class CheckFindingsCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory with a FINDINGS.md, e.g. "
            + "results/2026-12-03-full.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path run = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(run)) {
            throw new Main.UsageException(dir + " does not exist: pass a run directory, e.g. results/<run>");
        }
        if (!FindingsCheck.hasFindings(run)) {
            throw new Main.UsageException(dir + " has no FINDINGS.md: pass the run directory whose findings to "
                    + "check, e.g. results/<run>");
        }
        FindingsCheck.Outcome outcome = FindingsCheck.check(run);
        PrintWriter out = spec.commandLine().getOut();
        outcome.mismatches().forEach(p -> out.println(p.text()));
        outcome.unverifiable().forEach(p -> out.println(p.text()));
        outcome.notes().forEach(n -> out.println("note: " + n));
        out.println(outcome.summary());
        out.flush();
        return outcome.passed() ? 0 : 1;
    }
}
