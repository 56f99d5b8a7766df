package poolbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import poolbench.compare.RunDirectory;

/**
 * Where a suite run's files go. A run is a scratch run unless asked otherwise, so that a look at the scores leaves
 * the checkout as it was: {@code target/} is ignored by git, and {@code ./mvnw clean} removes it. Publishing is a
 * decision: {@code --publish} files the run under {@code results/}, where the report also rewrites
 * {@code results/README.md}.
 *
 * @param dir  the run directory; its {@code jmh/} holds the JSON and the environment note
 * @param kind why it is there
 */
record JmhDestination(Path dir, Kind kind) {

    /** Scratch runs, under the checkout: {@code jmh-<UTC time>} each. */
    static final String SCRATCH = "target/poolbench-scratch";

    private static final DateTimeFormatter SCRATCH_NAME =
            DateTimeFormatter.ofPattern("'jmh-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    enum Kind {
        /** Neither {@code --out} nor {@code --publish}: {@link #SCRATCH}{@code /jmh-<UTC time>}. */
        SCRATCH,
        /** {@code --out DIR}: DIR, as given. */
        OUT,
        /**
         * {@code --publish}: {@code results/<yyyy-MM-dd>-<host id>}, the compare suite's naming, or the next free
         * {@code -2}, {@code -3}... once its {@code jmh/} has results.
         */
        PUBLISHED
    }

    static JmhDestination choose(Path home, Path out, boolean publish, Clock clock) throws IOException {
        if (out != null && publish) {
            throw new Main.UsageException("--out and --publish both say where the run goes: give --publish to file "
                    + "it under results/, or --out DIR to put it in DIR");
        }
        if (publish) {
            return new JmhDestination(RunDirectory.next(home.resolve("results"), "jmh"), Kind.PUBLISHED);
        }
        if (out != null) {
            return new JmhDestination(out.toAbsolutePath().normalize(), Kind.OUT);
        }
        return new JmhDestination(scratch(home.resolve(SCRATCH), clock), Kind.SCRATCH);
    }

    /** {@code jmh-<UTC time>}, or with {@code -2}, {@code -3}... when runs start in the same second. */
    private static Path scratch(Path scratch, Clock clock) {
        String name = SCRATCH_NAME.format(clock.instant());
        for (int n = 1; ; n++) {
            Path dir = scratch.resolve(n == 1 ? name : name + "-" + n);
            if (!Files.exists(dir)) {
                return dir;
            }
        }
    }
}
