package poolbench.compare;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Tells a person how far a run is: a bar with an ETA redrawn in place on a terminal, one plain line per step
 * elsewhere (CI logs, pipes).
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final Duration estimate;
    private int done;

    public Progress(PrintStream out, boolean terminal, int total, Duration estimate) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.estimate = estimate;
    }

    /** Step {@code done + 1} of {@code total} starts. */
    public void starting(String what) {
        String eta = formatEta();
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            out.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                    + "  ETA " + eta + "  " + what);
        } else {
            out.println("[" + (done + 1) + "/" + total + "] " + what + " (ETA " + eta + ")");
        }
        out.flush();
    }

    /** A line about the current step (a retry, a wait), on its own line even under a bar. */
    public void say(String line) {
        out.println((terminal ? "\r\033[K" : "  ") + line);
        out.flush();
    }

    public void finished() {
        done++;
        if (terminal && done == total) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** Remaining time: from the pace so far once a step is done, from the suite's estimate before. */
    private String formatEta() {
        long elapsed = System.nanoTime() - startNanos;
        long left = done == 0 ? estimate.toNanos() : elapsed / done * (total - done);
        long s = Math.max(0, left / 1_000_000_000L);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
