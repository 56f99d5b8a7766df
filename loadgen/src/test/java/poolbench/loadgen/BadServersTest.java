package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code load} against servers that answer nothing usable tells the truth: the summary counts what happened (parse
 * errors for garbage, connections the server closed), and the run ends with one line naming the address and the
 * causes, and exit code 1. So does a run whose responses are mostly errors, unless {@code --max-errors} allows them.
 * Each bad server is a few lines on 127.0.0.1, in this test.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadServersTest {

    private static final byte[] GARBAGE = "garbage, not HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** What one connection of a bad server does with its socket. */
    private interface Behaviour {
        void serve(Socket s) throws IOException;
    }

    /** A server on 127.0.0.1 that treats every connection the same bad way, one thread per connection. */
    private static final class BadServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        BadServer(Behaviour behaviour) throws IOException {
            Thread.ofPlatform().daemon().name("bad-server").start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        open.add(s);
                        Thread.ofPlatform().daemon().start(() -> {
                            try {
                                behaviour.serve(s);
                            } catch (IOException gone) {
                                // The client went away: nothing to do.
                            }
                        });
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String address() {
            return "127.0.0.1:" + listener.getLocalPort();
        }

        String url() {
            return "http://" + address() + "/plaintext";
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** Reads one request head from the socket, so the bad answer comes where a response would. */
    private static void readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    /** A short closed-loop run of {@code url} through the command line; its JSON result is read back. */
    private record Run(int exitCode, String stderr, LoadResult result) {
    }

    private Run load(String url, String... more) throws IOException {
        Path json = dir.resolve("run.json");
        List<String> args = new ArrayList<>(List.of(url, "-c", "2", "-t", "1", "-d", "500ms", "--timeout", "300ms",
                "--json", json.toString()));
        args.addAll(Arrays.asList(more));
        CommandLine cmd = LoadCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args.toArray(String[]::new));
        return new Run(code, err.toString().strip(), LoadResult.readJson(json));
    }

    private static void assertOneLineReason(Run run, String expectedStart) {
        assertEquals(LoadCommand.EXIT_FAILED, run.exitCode(), run.stderr());
        assertFalse(run.stderr().contains("\n"), "more than one line: " + run.stderr());
        assertTrue(run.stderr().startsWith(expectedStart), run.stderr());
    }

    @Test
    void nothingListeningEndsWithTheRefusedConnectsOnOneLine() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Run run = load("http://127.0.0.1:" + port + "/plaintext");

        long refused = run.result().errors().connect();
        assertTrue(refused > 0, "connect errors " + refused);
        assertOneLineReason(run, "load: nothing answered at 127.0.0.1:" + port + ": connection refused ×"
                + String.format(Locale.ROOT, "%,d", refused));
        assertEquals(Long.valueOf(refused), run.result().errorCauses().get("connection refused"));
    }

    @Test
    void aServerThatAcceptsAndClosesIsCountedAsClosingTheConnections() throws IOException {
        try (BadServer server = new BadServer(Socket::close)) {
            Run run = load(server.url());

            LoadResult r = run.result();
            long lost = r.errors().read() + r.errors().write();
            assertTrue(lost > 0, "no request lost: " + r.errors());
            assertEquals(0, r.requests());
            // A close the run saw after its send deadline loses its request without being counted: one a connection.
            assertTrue(r.connections().closedByServer() >= lost - r.config().connections(),
                    r.connections().closedByServer() + " closed by the server, " + lost + " requests lost to it");
            assertOneLineReason(run, "load: nothing answered at " + server.address() + ": ");
            assertEquals(lost, r.errorCauses().values().stream().mapToLong(Long::longValue).sum(), r.errorCauses()
                    .toString());
        }
    }

    @Test
    void garbageIsAParseErrorAndTheConnectionIsDroppedNotLeftToTimeOut() throws IOException {
        try (BadServer server = new BadServer(s -> {
            while (true) {
                readHead(s);
                s.getOutputStream().write(GARBAGE);
            }
        })) {
            Run run = load(server.url());

            LoadResult r = run.result();
            assertTrue(r.errors().parse() > 0, "parse errors: " + r.errors());
            assertEquals(0, r.errors().timeout(), "garbage left to time out: " + r.errors());
            assertOneLineReason(run, "load: nothing answered at " + server.address() + ": not an HTTP/1.x response ×");
        }
    }

    @Test
    void garbageAndACloseIsAParseErrorNotARead() throws IOException {
        try (BadServer server = new BadServer(s -> {
            readHead(s);
            s.getOutputStream().write(GARBAGE);
            s.close();
        })) {
            Run run = load(server.url());

            LoadResult r = run.result();
            assertTrue(r.errors().parse() > 0, "parse errors: " + r.errors());
            assertEquals(0, r.errors().read(), "garbage counted as read errors: " + r.errors());
            assertOneLineReason(run, "load: nothing answered at " + server.address() + ": not an HTTP/1.x response ×"
                    + String.format(Locale.ROOT, "%,d", r.errors().parse()));
        }
    }

    @Test
    void responsesThatAreMostlyErrorsFailTheRunUnlessMaxErrorsAllowsThem() throws IOException {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                n -> new ScriptedHttpServer.Response(ScriptedHttpServer.withLength(n % 2 == 0 ? 502 : 200, "x", false),
                        false))) {
            Run failed = load(server.url("/"));
            assertTrue(failed.result().requests() > 0);
            assertOneLineReason(failed, "load: ");
            assertTrue(failed.stderr().matches("load: [0-9,]+ of [0-9,]+ attempts failed \\([0-9.]+%: 5xx ×[0-9,]+\\), "
                    + "more than the 1% allowed by --max-errors"), failed.stderr());

            err.getBuffer().setLength(0);
            Run allowed = load(server.url("/"), "--max-errors", "60%");
            assertEquals(0, allowed.exitCode(), allowed.stderr());
            assertEquals("", allowed.stderr());
        }
    }
}
