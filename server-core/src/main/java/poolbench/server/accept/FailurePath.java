package poolbench.server.accept;

import java.time.ZoneId;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Loads, at server start, what the first warning would otherwise load lazily: java.util.logging's configuration
 * and handlers, the formatter, and the time-zone rules it stamps records with. Each of those opens a file the first
 * time; out of descriptors, the first log record of the process threw {@code ExceptionInInitializerError} from the
 * zone data and took the accept loop with it. The same holds for the project's own classes the failure path
 * uses: loaded from a directory or a jar not yet open, a class costs a descriptor.
 */
final class FailurePath {

    private FailurePath() {
    }

    static void prepare(System.Logger log) {
        // The reserve's class would otherwise be loaded from the class path, a file, on the first failure.
        DescriptorReserve.PROCESS.getClass();
        ZoneId.systemDefault().getRules();
        // Binds the System.Logger to its backend (java.util.logging unless a LoggerFinder says otherwise).
        log.isLoggable(System.Logger.Level.WARNING);
        LogRecord record = new LogRecord(Level.WARNING, "warm-up " + log.getName() + " {0}");
        record.setParameters(new Object[] {new IllegalStateException("warm-up")});
        for (Logger l = Logger.getLogger(log.getName()); l != null; l = l.getParent()) {
            for (Handler h : l.getHandlers()) {
                if (h.getFormatter() != null) {
                    h.getFormatter().format(record);
                }
            }
        }
    }
}
