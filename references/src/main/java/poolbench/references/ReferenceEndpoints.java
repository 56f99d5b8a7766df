package poolbench.references;

import poolbench.server.endpoints.Endpoints;
import poolbench.server.endpoints.Replies;
import poolbench.server.endpoints.Replies.Reply;

/**
 * {@link Endpoints}' routing as one function of method, raw path and raw query, for servers that parse the request
 * themselves (Jetty, Helidon). What each endpoint answers is server-core's own {@link Replies}; only how the request
 * reaches it is written here, and the same 400/404/405 rules.
 */
final class ReferenceEndpoints {

    private ReferenceEndpoints() {
    }

    /**
     * Answers {@code method path?query}; {@code query} is the raw text after '?', or null when there is none.
     * Blocks for {@code /sleep}, burns CPU for {@code /cpu}. HEAD is answered as GET, as server-core does; the
     * server leaves the body out.
     */
    static Reply reply(String method, String path, String query) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Replies.METHOD_NOT_ALLOWED;
        }
        return switch (path) {
            case "/plaintext" -> Replies.PLAINTEXT;
            case "/json" -> Replies.JSON;
            case "/sleep" -> sleep(queryInt(query, "ms", Endpoints.MAX_SLEEP_MS));
            case "/cpu" -> cpu(queryInt(query, "work", Endpoints.MAX_WORK));
            default -> Replies.NOT_FOUND;
        };
    }

    private static Reply sleep(long ms) {
        if (ms < 0) {
            return Replies.BAD_SLEEP;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Replies.PLAINTEXT;
    }

    private static Reply cpu(long work) {
        if (work < 0) {
            return Replies.BAD_WORK;
        }
        return Replies.cpu(Endpoints.burn(work));
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
}
