package poolbench.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one response with a Content-Length body from a raw socket stream: for tests that drive sockets by hand, and
 * the one parser behind {@link TestHttp}.
 */
public final class ResponseReader {

    /** What poolbench's own arms answer with; servers it does not own are held only to {@code HTTP/1.}. */
    public static final String HTTP_1_1 = "HTTP/1.1";

    private ResponseReader() {
    }

    public static TestHttp.Response read(InputStream in) throws IOException {
        return read(in, HTTP_1_1);
    }

    /** One response whose status line's version starts with {@code versionPrefix}, its body read to its length. */
    public static TestHttp.Response read(InputStream in, String versionPrefix) throws IOException {
        TestHttp.Response head = readHead(in, versionPrefix);
        int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("body cut short: " + body.length + " of " + length);
        }
        return new TestHttp.Response(head.status(), head.headers(), new String(body, StandardCharsets.ISO_8859_1));
    }

    /** A response's status line and headers only, its body left unread (the answer to a HEAD, say). */
    public static TestHttp.Response readHead(InputStream in, String versionPrefix) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith(versionPrefix)) {
            throw new IOException("not a status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        return new TestHttp.Response(Integer.parseInt(parts[1]), headers, "");
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
