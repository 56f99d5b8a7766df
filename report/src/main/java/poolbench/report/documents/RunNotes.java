package poolbench.report.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run directory may hold beside compare's and jmh's output, which the reports include as it is: the
 * findings a person wrote from the run's figures ({@value #FINDINGS}, a markdown section whose links are relative
 * to the run directory) and the wrk table's output ({@value #WRK_TABLE}, from {@code references/bench/wrk-table.sh},
 * whose first line says when and at which commit it ran).
 */
final class RunNotes {

    static final String FINDINGS = "FINDINGS.md";
    static final String WRK_TABLE = "wrk-table.txt";

    /** A markdown link's target that is relative to the page it is on: not a URL, not absolute. */
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?![a-z]+:|/)([^)\\s]+)\\)");

    private RunNotes() {
    }

    static Optional<String> findings(Path runDir) {
        return read(runDir.resolve(FINDINGS));
    }

    static Optional<String> wrkTable(Path runDir) {
        return read(runDir.resolve(WRK_TABLE));
    }

    /**
     * {@code markdown} written for the run's own directory, with every relative link made to work from the results
     * directory above it, by the shortest way: {@code (CLAIMS.md#claim-1)} becomes {@code (<run>/CLAIMS.md#claim-1)},
     * an anchor on the run's README, {@code (#a)}, becomes {@code (<run>/README.md#a)}, a link to another run,
     * {@code (../<other>/README.md)}, becomes {@code (<other>/README.md)}, and one to the results index itself,
     * {@code (../README.md#b)}, becomes {@code (#b)}.
     */
    static String fromResultsDirectory(String markdown, String run) {
        Matcher m = RELATIVE_LINK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("](" + movedLink(m.group(1), run) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One link target written in {@code run}'s directory, as the results directory reaches it. */
    private static String movedLink(String target, String run) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash);
        String moved = normalized(run + "/" + (path.isEmpty() ? RunReadme.FILE : path));
        return moved.equals(ResultsIndex.FILE) && !anchor.isEmpty() ? anchor : moved + anchor;
    }

    /** "a/./b/../c" → "a/c"; a ".." that climbs above the start is kept. Names are joined with "/" on every OS. */
    private static String normalized(String path) {
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/", -1)) {
            if (name.equals("..") && !names.isEmpty() && !names.peekLast().equals("..")) {
                names.removeLast();
            } else if (!name.equals(".") && !name.isEmpty()) {
                names.addLast(name);
            }
        }
        return String.join("/", names);
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
