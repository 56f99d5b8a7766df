package poolbench.loadgen;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One client loop's tally of what its errors were, in words a person reads ("connection refused", "no response
 * within 2s"), each counted as its {@link Counter} was: a failed connect once, a failure that lost requests once per
 * request lost. Only the loop writes, and only on a failure, so the requests that succeed pay nothing; the run
 * reads it after the loop's thread has ended.
 */
final class ErrorCauses {

    static final String CLOSED_BEFORE_RESPONSE = "closed by the server before its response";
    static final String CLOSED_MID_RESPONSE = "closed by the server in the middle of a response";
    static final String PIPELINED_BEHIND_CLOSE = "pipelined behind a response that closed the connection";
    static final String NOT_HTTP = "not an HTTP/1.x response";
    static final String UNASKED_RESPONSE = "a response to no request";

    private final Map<String, long[]> counts = new HashMap<>();

    void add(String cause, long n) {
        counts.computeIfAbsent(cause, k -> new long[1])[0] += n;
    }

    /** The cause of a failed I/O call: its message in lower case ("connection reset"), or the exception's name. */
    static String of(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    /** Every loop's causes added up, the most frequent first (ties by name, so the order is the same every time). */
    static Map<String, Long> sum(List<ErrorCauses> loops) {
        Map<String, Long> total = new HashMap<>();
        for (ErrorCauses loop : loops) {
            loop.counts.forEach((cause, n) -> total.merge(cause, n[0], Long::sum));
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        total.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
