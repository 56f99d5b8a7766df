package poolbench.compare.agent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The agent's log of requests refused for their token, at most one line a second: a client that keeps knocking
 * with a wrong token cannot fill the disk or drown the lines that matter. The next line says how many were not
 * logged since the last.
 */
final class RefusalLog {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private boolean logged;
    private long lastNanos;
    private long unlogged;

    RefusalLog(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    synchronized void refused(String request, String why) {
        long now = nanoTime.getAsLong();
        if (logged && now - lastNanos < INTERVAL.toNanos()) {
            unlogged++;
            return;
        }
        out.println("agent: refused " + request + ": " + why
                + (unlogged > 0 ? " (and " + unlogged + " more refused since the last such line)" : ""));
        logged = true;
        lastNanos = now;
        unlogged = 0;
    }
}
