package poolbench.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's context switches, voluntary (the thread blocked: a read with nothing to read, a park) and
 * involuntary (the scheduler took the CPU away), summed over {@code /proc/self/task/*}{@code /status}. Read only
 * when a stats snapshot is taken, never per request: one small file per live thread.
 *
 * <p>Threads that have ended take their counts with them, so an arm that starts a thread per connection is
 * undercounted by its ended threads; a pooled or virtual arm, whose threads live through the window, is not.
 *
 * @param voluntary   summed {@code voluntary_ctxt_switches}
 * @param involuntary summed {@code nonvoluntary_ctxt_switches}
 * @param counted     false where there is no {@code /proc} (then both are 0)
 */
public record ContextSwitches(long voluntary, long involuntary, boolean counted) {

    static final ContextSwitches NOT_COUNTED = new ContextSwitches(0, 0, false);
    private static final String VOLUNTARY = "voluntary_ctxt_switches:";
    private static final String INVOLUNTARY = "nonvoluntary_ctxt_switches:";

    /** This process's, now. */
    public static ContextSwitches ofThisProcess() {
        return sumOfTasks(Path.of("/proc/self/task"));
    }

    /** The sum over every {@code <task>/status} under {@code taskDir}; a task that ends while read is skipped. */
    static ContextSwitches sumOfTasks(Path taskDir) {
        long voluntary = 0;
        long involuntary = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
            for (Path task : tasks) {
                String status;
                try {
                    status = Files.readString(task.resolve("status"));
                } catch (IOException ended) {
                    continue;
                }
                ContextSwitches one = ofStatus(status);
                voluntary += one.voluntary;
                involuntary += one.involuntary;
            }
        } catch (IOException | RuntimeException e) {
            return NOT_COUNTED;
        }
        return new ContextSwitches(voluntary, involuntary, true);
    }

    /** The two counts of one {@code status} file's text; a count it lacks is 0. */
    static ContextSwitches ofStatus(String status) {
        long voluntary = 0;
        long involuntary = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith(VOLUNTARY)) {
                voluntary = Long.parseLong(line.substring(VOLUNTARY.length()).trim());
            } else if (line.startsWith(INVOLUNTARY)) {
                involuntary = Long.parseLong(line.substring(INVOLUNTARY.length()).trim());
            }
        }
        return new ContextSwitches(voluntary, involuntary, true);
    }
}
