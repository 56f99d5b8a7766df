package poolbench.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** A small blocking HTTP/1.1 client for tests: sends raw bytes, reads responses with Content-Length bodies. */
public final class TestHttp implements AutoCloseable {

    /** One response; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final String ANY_HTTP_1 = "HTTP/1.";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TestHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:port; every read gives up after 5 s so no test can hang on it. */
    public static TestHttp connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(5_000);
        return new TestHttp(s);
    }

    /** One GET on a new connection that asks to close: the simplest way to ask a server one question. */
    public static Response get(int port, String target) throws IOException {
        try (TestHttp c = connect(port)) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            return c.read();
        }
    }

    public static String request(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    public TestHttp send(String raw) throws IOException {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public TestHttp send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    public Socket socket() {
        return socket;
    }

    /** The next response, of any HTTP/1.x version (the reference servers are not poolbench's to pin). */
    public Response read() throws IOException {
        return ResponseReader.read(in, ANY_HTTP_1);
    }

    /** A response's status line and headers only, its body left unread (the answer to a HEAD, say). */
    public Response readHead() throws IOException {
        return ResponseReader.readHead(in, ANY_HTTP_1);
    }

    /** Whether the server has closed its side: the next read sees end of stream (or a reset) within 5 s. */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
