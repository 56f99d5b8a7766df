package poolbench.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;

/**
 * The downstream backend the tests call: a poolbench {@code virtual} server in a JVM of its own (as compare runs
 * one), answering {@code /sleep?ms=N}. It prints its port and lives until its standard input closes, so it
 * cannot outlive the test JVM.
 */
final class BackendProcess implements AutoCloseable {

    private final Process process;
    final InetSocketAddress address;

    private BackendProcess(Process process, int port) {
        this.process = process;
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    static BackendProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), BackendProcess.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            p.destroyForcibly();
            throw new IOException("the backend did not start: " + line);
        }
        return new BackendProcess(p, Integer.parseInt(line.substring(5).trim()));
    }

    public static void main(String[] args) throws Exception {
        try (HttpServer server = HttpServer.start(ServerConfig.ephemeral().withPorts(0, -1),
                Arms.byName("virtual").orElseThrow(), ArmOptions.DEFAULTS)) {
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Lives until the parent closes our input (or dies).
            }
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
