package poolbench.server.connection;

import java.io.EOFException;
import java.net.SocketTimeoutException;

/**
 * fasthttp's rule for which connection errors are worth a log line: not "broken pipe", "reset by peer",
 * "i/o timeout" or an unexpected EOF, since clients cause those all the time; all of them with LogAllErrors.
 */
public final class ConnectionErrors {

    private static final System.Logger LOG = System.getLogger("poolbench.server");

    private ConnectionErrors() {
    }

    public static boolean isBenign(Throwable error) {
        if (error instanceof SocketTimeoutException || error instanceof EOFException) {
            return true;
        }
        String message = error.getMessage();
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("broken pipe") || m.contains("reset by peer") || m.contains("connection reset")
                || m.contains("i/o timeout") || m.contains("timed out") || m.contains("socket closed")
                || m.contains("socket is closed") || m.contains("unexpected eof");
    }

    /** Logs the error a worker met while serving one item, unless it is benign and {@code logAll} is off. */
    public static void log(Object what, Throwable error, boolean logAll) {
        if (logAll || !isBenign(error)) {
            LOG.log(System.Logger.Level.WARNING, "error when serving " + what + ": " + error, error);
        }
    }
}
