package poolbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import poolbench.compare.record.RunDirectory;

/**
 * Where a suite run's files go. A run is a scratch run unless asked otherwise, so that a look at the scores leaves
 * the checkout as it was: {@code target/} is ignored by git, and {@code ./mvnw clean} removes it. Publishing is a
 * decision: {@code --publish} files the run under {@code results/}, where the report also rewrites
 * {@code results/README.md}.
 *
 * <p>compare and jmh share it: a compare run's records go in {@code raw/} and {@code launches/}, a JMH run's in
 * {@code jmh/}, and a published directory of the day takes both.
 *
 * @param dir  the run directory
 * @param kind why it is there
 */
record RunDestination(Path dir, Kind kind) {

    /** Scratch runs, under the checkout: {@code <tool>-<UTC time>} each. */
    static final String SCRATCH = "target/poolbench-scratch";

    private static final DateTimeFormatter SCRATCH_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    enum Kind {
        /** Neither {@code --out} nor {@code --publish}: {@link #SCRATCH}{@code /<tool>-<UTC time>}. */
        SCRATCH,
        /** {@code --out DIR}: DIR, as given. */
        OUT,
        /**
         * {@code --publish}: {@code results/<yyyy-MM-dd>-<host id>}, or the next free {@code -2}, {@code -3}... once
         * the tool's own part of it ({@code raw/} for compare, {@code jmh/} for jmh) has results.
         */
        PUBLISHED
    }

    /**
     * @param tool {@code compare} or {@code jmh}: the scratch directory's prefix
     * @param part the subdirectory the tool fills ({@code raw} or {@code jmh}), which decides when a published
     *             directory of the day is taken
     */
    static RunDestination choose(Path home, String tool, String part, Path out, boolean publish, Clock clock)
            throws IOException {
        if (out != null && publish) {
            throw new Main.UsageException("--out and --publish both say where the run goes: give --publish to file "
                    + "it under results/, or --out DIR to put it in DIR");
        }
        if (publish) {
            return new RunDestination(RunDirectory.next(home.resolve("results"), part), Kind.PUBLISHED);
        }
        if (out != null) {
            return new RunDestination(out.toAbsolutePath().normalize(), Kind.OUT);
        }
        return new RunDestination(scratch(home.resolve(SCRATCH), tool, clock), Kind.SCRATCH);
    }

    /** {@code <tool>-<UTC time>}, or with {@code -2}, {@code -3}... when runs start in the same second. */
    private static Path scratch(Path scratch, String tool, Clock clock) {
        String name = tool + "-" + SCRATCH_TIME.format(clock.instant());
        for (int n = 1; ; n++) {
            Path dir = scratch.resolve(n == 1 ? name : name + "-" + n);
            if (!Files.exists(dir)) {
                return dir;
            }
        }
    }
}
