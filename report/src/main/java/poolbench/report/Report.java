package poolbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import poolbench.report.charts.ChartSet;
import poolbench.report.claims.ClaimResult;
import poolbench.report.claims.Claims;
import poolbench.report.documents.ClaimsDocument;
import poolbench.report.documents.HeadlineTable;
import poolbench.report.documents.LatestResults;
import poolbench.report.documents.ResultsIndex;
import poolbench.report.documents.RunReadme;
import poolbench.report.run.RunSet;

/**
 * Writes a run directory's report: README.md (environment, method, tables, charts), CLAIMS.md and claims.json (the
 * article's claims with verdicts computed from the records), charts/*.png; and, when given the results directory,
 * regenerates its index. {@code compare} and {@code jmh} can call {@link #write} when they finish.
 */
public final class Report {

    /**
     * What a report wrote.
     *
     * @param files    every file written, charts included
     * @param headline a suggested headline table (markdown) for the project README
     */
    public record Written(List<Path> files, String headline) {
    }

    private Report() {
    }

    /** Whether {@code dir} holds a run: compare's {@code raw/} or JMH's {@code jmh/}. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir) && RunSet.isRunDirectory(dir);
    }

    /**
     * Reports on {@code runDir}; when {@code resultsIndexDir} is not null, also rewrites its README.md from every
     * run reported in it.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a run directory
     */
    public static Written write(Path runDir, Path resultsIndexDir) throws IOException {
        if (!isRunDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + " is not a run directory (no raw/, launches/ or jmh/): run "
                    + "./poolbench compare first, or pass a results/<run> directory");
        }
        RunSet runs = RunSet.load(runDir);
        ChartSet charts = ChartSet.draw(runs);
        List<ClaimResult> claims = Claims.evaluate(runs);

        List<Path> written = new ArrayList<>();
        Path readme = runDir.resolve(RunReadme.FILE);
        Files.writeString(readme, RunReadme.render(runs, charts, claims));
        written.add(readme);
        Path claimsFile = runDir.resolve(ClaimsDocument.FILE);
        Files.writeString(claimsFile, ClaimsDocument.render(runs, charts, claims));
        written.add(claimsFile);
        Path json = runDir.resolve(ClaimsDocument.JSON_FILE);
        ClaimsDocument.writeJson(runs, claims, json);
        written.add(json);
        charts.all().forEach(c -> written.add(runDir.resolve(c.file())));
        if (resultsIndexDir != null) {
            written.add(ResultsIndex.write(resultsIndexDir));
        }
        return new Written(written, HeadlineTable.render(runs, claims));
    }

    /**
     * Rewrites the latest-results table of the project README, between its {@code <!-- latest-results:start -->}
     * and {@code <!-- latest-results:end -->} markers, from {@code runDir}'s claims.json; a README without the
     * markers is left as it is.
     *
     * @return one line saying what was written, or why nothing was
     * @throws IllegalArgumentException when {@code runDir} has not been reported yet (no claims.json)
     */
    public static String writeLatestResults(Path runDir, Path readme) throws IOException {
        return LatestResults.write(runDir, readme);
    }
}
