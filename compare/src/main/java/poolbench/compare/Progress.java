package poolbench.compare;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells a person how far a run is: a bar with an ETA redrawn in place on a terminal, one plain line per step
 * elsewhere (CI logs, pipes).
 *
 * <p>Steps differ by tenfold (a comparison's first launch searches capacities, a single run is one window), so the
 * ETA is the plan's time for the steps left, scaled by how the steps done so far compared with their planned time;
 * an average per step read "ETA 273m" for a full suite with 80 minutes to go.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long startNanos;
    private int total;
    private Duration planned;
    private Duration plannedDone = Duration.ZERO;
    private Duration current = Duration.ZERO;
    private int done;

    /**
     * @param total   the steps to run
     * @param planned their planned time in all ({@code SuitePlan})
     */
    public Progress(PrintStream out, boolean terminal, int total, Duration planned) {
        this(out, terminal, total, planned, System::nanoTime);
    }

    Progress(PrintStream out, boolean terminal, int total, Duration planned, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.planned = planned;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** Step {@code done + 1} of {@code total} starts; the plan gives it {@code plannedTime}. */
    public void starting(String what, Duration plannedTime) {
        current = plannedTime;
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

    /** A step the plan did not count joins the run (a launch that replaces one that lost its ladder). */
    public void added(Duration plannedTime) {
        total++;
        planned = planned.plus(plannedTime);
    }

    /** A line about the current step (a retry, a wait), on its own line even under a bar. */
    public void say(String line) {
        out.println((terminal ? "\r\033[K" : "  ") + line);
        out.flush();
    }

    public void finished() {
        done++;
        plannedDone = plannedDone.plus(current);
        if (terminal && done == total) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** Remaining time: the plan's for the steps left, at the pace of the steps done against theirs. */
    String formatEta() {
        Duration left = planned.minus(plannedDone);
        if (!plannedDone.isZero()) {
            double pace = (double) (clock.getAsLong() - startNanos) / plannedDone.toNanos();
            left = Duration.ofNanos(Math.round(left.toNanos() * pace));
        }
        long s = Math.max(0, left.toSeconds());
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
