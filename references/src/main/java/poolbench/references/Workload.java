package poolbench.references;

import java.nio.charset.StandardCharsets;

import poolbench.server.endpoints.Endpoints;

/**
 * The workloads of {@link Endpoints} as one function of method, raw path and raw query, for servers that parse
 * the request themselves: the same bodies, statuses, content types and 400/404/405 rules, byte for byte.
 */
final class Workload {

    static final String TEXT_PLAIN = "text/plain";
    static final String APPLICATION_JSON = "application/json";

    /** One answer: its status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {
    }

    static final Reply PLAINTEXT = new Reply(200, TEXT_PLAIN, ascii("Hello, World!"));
    static final Reply JSON = new Reply(200, APPLICATION_JSON, ascii("{\"message\":\"Hello, World!\"}"));
    static final Reply NOT_FOUND = new Reply(404, TEXT_PLAIN, ascii("Not Found"));
    static final Reply METHOD_NOT_ALLOWED = new Reply(405, TEXT_PLAIN, ascii("Method Not Allowed"));
    static final Reply BAD_SLEEP =
            new Reply(400, TEXT_PLAIN, ascii("ms must be an integer from 0 to " + Endpoints.MAX_SLEEP_MS));
    static final Reply BAD_WORK =
            new Reply(400, TEXT_PLAIN, ascii("work must be an integer from 0 to " + Endpoints.MAX_WORK));

    private Workload() {
    }

    /**
     * Answers {@code method path?query}; {@code query} is the raw text after '?', or null when there is none.
     * Blocks for {@code /sleep}, burns CPU for {@code /cpu}. HEAD is answered as GET, as server-core does; the
     * server leaves the body out.
     */
    static Reply reply(String method, String path, String query) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return METHOD_NOT_ALLOWED;
        }
        return switch (path) {
            case "/plaintext" -> PLAINTEXT;
            case "/json" -> JSON;
            case "/sleep" -> sleep(queryInt(query, "ms", Endpoints.MAX_SLEEP_MS));
            case "/cpu" -> cpu(queryInt(query, "work", Endpoints.MAX_WORK));
            default -> NOT_FOUND;
        };
    }

    private static Reply sleep(long ms) {
        if (ms < 0) {
            return BAD_SLEEP;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PLAINTEXT;
    }

    private static Reply cpu(long work) {
        if (work < 0) {
            return BAD_WORK;
        }
        return new Reply(200, TEXT_PLAIN, ascii(Long.toHexString(Endpoints.burn(work))));
    }

    /**
     * The first {@code name=value} parameter of {@code query} as an integer in [0, max], or -1 when it is missing,
     * empty, longer than ten digits, not all digits or out of range — as server-core's parser reads it.
     */
    static long queryInt(String query, String name, long max) {
        if (query == null) {
            return -1;
        }
        int p = 0;
        while (p < query.length()) {
            int amp = query.indexOf('&', p);
            if (amp < 0) {
                amp = query.length();
            }
            int eq = p + name.length();
            if (eq < amp && query.charAt(eq) == '=' && query.startsWith(name, p)) {
                return parseBounded(query, eq + 1, amp, max);
            }
            p = amp + 1;
        }
        return -1;
    }

    private static long parseBounded(String s, int from, int to, long max) {
        if (from == to || to - from > 10) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
