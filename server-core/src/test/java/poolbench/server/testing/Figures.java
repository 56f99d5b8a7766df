package poolbench.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The numbers a robustness test measured, printed and appended to {@code target/reliability-figures.txt} of the
 * module under test, one line each, so that RELIABILITY.md is written from real runs.
 */
public final class Figures {

    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {
    }

    /** A duration in milliseconds to a tenth: most closes here take less than one. */
    public static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    public static synchronized void record(String arm, String what, Object value) {
        String line = "[figure] " + (LongRun.enabled() ? "long " : "quick ") + arm + " | " + what + " | " + value;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The figure is on standard output anyway; a read-only target only loses the file copy.
            System.out.println("[figure] not written to " + FILE + ": " + e);
        }
    }
}
