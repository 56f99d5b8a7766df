package poolbench.compare.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * Where a run's files go: {@code results/<yyyy-MM-dd>-<host id>}, shared by the compare and JMH runs of one day
 * on one machine; when the part a run writes ({@code raw/} or {@code jmh/}) is already there, the next free
 * {@code -2}, {@code -3}... so that no run overwrites another's results. The day is UTC's, so that runs on
 * machines in different zones name the same moment alike.
 */
public final class RunDirectory {

    private RunDirectory() {
    }

    public static Path next(Path results, String part) throws IOException {
        return next(results, part, Clock.systemUTC());
    }

    /** {@link #next(Path, String)} on the day {@code clock} says. */
    public static Path next(Path results, String part, Clock clock) throws IOException {
        String base = LocalDate.now(clock) + "-" + Environment.machineId();
        for (int n = 1; ; n++) {
            Path dir = results.resolve(n == 1 ? base : base + "-" + n);
            if (isEmpty(dir.resolve(part))) {
                return dir;
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
