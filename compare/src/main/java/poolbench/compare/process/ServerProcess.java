package poolbench.compare.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One arm's server in a JVM of its own: started with the suite's JVM flags on the server CPUs, found ready by
 * the line {@code poolbench serve} prints, stopped with SIGTERM (a clean stop), killed if that takes too long.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY =
            Pattern.compile("serving on http://([^:]+):(\\d+)\\s+\\(stats: http://[^:]+:(\\d+)/stats");
    /** The longest a server may take to say it is ready. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final int adminPort;
    private final Thread killOnExit;

    private ServerProcess(Process process, Path log, int port, int adminPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.adminPort = adminPort;
        // A compare stopped by SIGTERM or Ctrl-C must not leave a server running on the machine.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-server-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code javaCommand serve --arm ARM --port 0 --admin-port 0 serverArgs...} and waits until it says
     * where it listens. Its output goes to {@code log}.
     */
    public static ServerProcess start(List<String> command, String arm, List<String> serverArgs, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("serve", "--arm", arm, "--port", "0", "--admin-port", "0"));
        cmd.addAll(serverArgs);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = READY.matcher(out);
            if (m.find()) {
                return new ServerProcess(p, log, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (!p.isAlive()) {
                throw new IOException("the " + arm + " server exited with " + p.exitValue() + " before it was ready: "
                        + lastLine(out) + " (log: " + log + ")");
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("the " + arm + " server did not say it was ready within " + START_TIMEOUT.toSeconds()
                + " s (log: " + log + ")");
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    public int port() {
        return port;
    }

    public int adminPort() {
        return adminPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * How the process ended, for a failed record: its exit code (128 + N is signal N, as the shell reports a
     * killed child; a JVM killed by a signal also shows it that way) and the last lines of its log.
     */
    public String exitDescription() {
        if (process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        String how = code > 128 ? "killed by signal " + (code - 128) + " (exit " + code + ")" : "exit code " + code;
        String tail;
        try {
            String[] lines = Files.readString(log, StandardCharsets.UTF_8).strip().split("\n");
            tail = String.join(" | ", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 3),
                    lines.length));
        } catch (IOException e) {
            tail = "log unreadable: " + e.getMessage();
        }
        return how + "; last log lines: " + tail + " (log: " + log + ")";
    }

    /** SIGTERM, then up to 15 s for the clean stop, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it kills the server, which is what close wants too.
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
