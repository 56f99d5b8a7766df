package poolbench.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import poolbench.server.http.ResponseWriter;

/**
 * A strict reader of what a server sent on one connection: HTTP/1.1 responses back to back, each with a status
 * the server knows, its reason phrase, header lines, a Content-Length and exactly that many body bytes. Anything
 * else is an {@link IllegalArgumentException} that says where the bytes went wrong.
 */
public final class ResponseStream {

    /** One response as it came over the wire; header names in lower case. */
    public record Response(int status, Map<String, String> headers, int bodyLength) {

        public boolean closes() {
            return "close".equals(headers.get("connection"));
        }
    }

    /** What was read: the whole responses, and whether bytes of an unfinished one followed them. */
    public record Parsed(List<Response> responses, boolean truncated) {
    }

    private ResponseStream() {
    }

    public static Parsed parse(byte[] wire) {
        List<Response> responses = new ArrayList<>();
        int p = 0;
        while (p < wire.length) {
            int headEnd = indexOf(wire, p, "\r\n\r\n");
            if (headEnd < 0) {
                requirePrefixOfStatusLineOrHead(wire, p);
                return new Parsed(responses, true);
            }
            String[] lines = new String(wire, p, headEnd - p, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            if (lines.length == 1 && lines[0].equals("HTTP/1.1 100 Continue")) {
                // The interim answer to Expect: 100-continue; the final response follows.
                p = headEnd + 4;
                continue;
            }
            Response r = head(lines, p);
            int bodyStart = headEnd + 4;
            if (bodyStart + r.bodyLength() > wire.length) {
                return new Parsed(responses, true);
            }
            responses.add(r);
            p = bodyStart + r.bodyLength();
        }
        return new Parsed(responses, false);
    }

    private static Response head(String[] lines, int at) {
        String[] status = lines[0].split(" ", 3);
        if (status.length != 3 || !status[0].equals("HTTP/1.1") || !status[1].matches("[0-9]{3}")) {
            throw new IllegalArgumentException("not an HTTP/1.1 status line at byte " + at + ": " + lines[0]);
        }
        ResponseWriter.Status known = ResponseWriter.Status.of(Integer.parseInt(status[1]));
        String expectedLine = "HTTP/1.1 " + known.code + " " + known.reason;
        if (!lines[0].equals(expectedLine)) {
            throw new IllegalArgumentException("status line " + lines[0] + " is not " + expectedLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a header line at byte " + at + ": " + lines[i]);
            }
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        if (length == null || !length.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("no usable Content-Length at byte " + at + ": " + headers);
        }
        return new Response(known.code, headers, Integer.parseInt(length));
    }

    /** An unfinished tail must still look like the start of a response, not like garbage. */
    private static void requirePrefixOfStatusLineOrHead(byte[] wire, int p) {
        String start = "HTTP/1.1 ";
        int n = Math.min(start.length(), wire.length - p);
        if (!new String(wire, p, n, StandardCharsets.ISO_8859_1).equals(start.substring(0, n))) {
            throw new IllegalArgumentException("bytes that start no response at byte " + p);
        }
    }

    private static int indexOf(byte[] b, int from, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + n.length <= b.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
