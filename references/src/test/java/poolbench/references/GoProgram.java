package poolbench.references;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go program of {@code references/go/} for tests: built once per run in GOPATH mode against Debian's
 * packages, as the compare suite builds it, and started like {@code poolbench serve}. Tests that need it are
 * skipped, with the reason, where Go or fasthttp is not installed.
 */
final class GoProgram implements AutoCloseable {

    /** The compare orchestrator's pattern for the ready line. */
    static final Pattern READY =
            Pattern.compile("serving on http://([^:]+):(\\d+)\\s+\\(stats: http://[^:]+:(\\d+)/stats");

    private static final Path GO = Path.of("/usr/bin/go");
    private static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");
    private static final Path SOURCES = Path.of("go").toAbsolutePath();
    private static final Path BINARY = Path.of("target/go-test/poolbench-go").toAbsolutePath();
    private static boolean built;

    private final Process process;
    final String readyLine;
    final int port;
    final int adminPort;

    private GoProgram(Process process, String readyLine, int port, int adminPort) {
        this.process = process;
        this.readyLine = readyLine;
        this.port = port;
        this.adminPort = adminPort;
    }

    /** Skips the calling test unless Go and fasthttp are installed, then builds the program once. */
    static synchronized void buildOrSkip() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(GO), "Go is not installed (apt-get install golang-go)");
        assumeTrue(Files.isDirectory(DEBIAN_GOPATH.resolve("src/github.com/valyala/fasthttp")),
                "Debian's fasthttp is not installed (apt-get install golang-github-valyala-fasthttp-dev)");
        if (built) {
            return;
        }
        Files.createDirectories(BINARY.getParent());
        Path log = BINARY.resolveSibling("go-build.log");
        ProcessBuilder pb = new ProcessBuilder(GO.toString(), "build", "-o", BINARY.toString(), ".")
                .directory(SOURCES.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("GOPATH", DEBIAN_GOPATH.toString());
        pb.environment().put("GOCACHE", SOURCES.resolve("target/gocache").toString());
        Process build = pb.start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new AssertionError("go build failed: " + Files.readString(log));
        }
        built = true;
    }

    /** Starts {@code poolbench-go serve --arm arm --port 0 --admin-port 0 extra...} and waits for its ready line. */
    static GoProgram start(String arm, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "serve", "--arm", arm, "--port", "0",
                "--admin-port", "0"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> readLine(out)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("no ready line from " + cmd, e);
        }
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new AssertionError("not a ready line: " + line);
        }
        return new GoProgram(p, line, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String readLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends SIGTERM and waits up to 10 s; the exit code, or -1 if it did not stop. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
