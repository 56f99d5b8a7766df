package poolbench.report.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project README's table of the latest verdicts, written from a run's claims.json between two markers, so
 * nobody copies it by hand and its wording is the rules' own. Everything outside the markers is the README's
 * author's and is left as it is; a README without both markers, in order, once each, is not touched.
 */
public final class LatestResults {

    static final String START = "<!-- latest-results:start -->";
    static final String END = "<!-- latest-results:end -->";

    private LatestResults() {
    }

    /**
     * Rewrites the table in {@code readme} from {@code runDir}'s claims.json.
     *
     * @return one line saying what was done, or why nothing was
     * @throws IllegalArgumentException when the run has no claims.json yet
     */
    public static String write(Path runDir, Path readme) throws IOException {
        Path json = runDir.resolve(ClaimsDocument.JSON_FILE);
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException(runDir + " has no " + ClaimsDocument.JSON_FILE + ": run ./poolbench "
                    + "report " + runDir + " first");
        }
        ClaimsDocument.Summary run = ClaimsDocument.readJson(json);
        String text = Files.readString(readme);
        Optional<String> replaced = replace(text, table(run, source(readme, runDir)));
        if (replaced.isEmpty()) {
            return readme + ": no " + START + " … " + END + " markers (each once, in that order), so the latest "
                    + "results were not written; put them around the table to have it generated";
        }
        if (!replaced.get().equals(text)) {
            Files.writeString(readme, replaced.get());
        }
        return readme + ": latest results written from " + source(readme, runDir) + "/" + ClaimsDocument.JSON_FILE;
    }

    /** {@code readme} with what lies between the markers replaced by {@code generated}; empty without the markers. */
    static Optional<String> replace(String readme, String generated) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start || readme.indexOf(START, start + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            return Optional.empty();
        }
        // Blank lines around the table keep it a block of its own between the two comments.
        return Optional.of(readme.substring(0, start + START.length()) + "\n\n" + generated.strip() + "\n\n"
                + readme.substring(end));
    }

    /** #, claim, verdict, deciding figure: one row per claim, in claims.json's order. */
    static String table(ClaimsDocument.Summary run, String source) {
        Markdown md = new Markdown();
        md.raw("<!-- written by ./poolbench report --readme from " + source + "/" + ClaimsDocument.JSON_FILE
                + "; edits between the markers are overwritten -->");
        md.table(List.of("#", "claim", "verdict", "deciding figure"), run.claims().stream().map(c -> List.of(
                Integer.toString(c.number()), c.claim(), "**" + c.verdict() + "**", c.measured())).toList());
        return md.toString();
    }

    /** The run directory as the README's reader would find it: relative to the README, with "/" between names. */
    private static String source(Path readme, Path runDir) {
        Path from = readme.toAbsolutePath().normalize().getParent();
        Path run = runDir.toAbsolutePath().normalize();
        Path relative = from != null && run.getRoot() != null && run.getRoot().equals(from.getRoot())
                ? from.relativize(run) : run;
        return relative.toString().replace('\\', '/');
    }
}
