package poolbench.server.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.testing.Figures;
import poolbench.server.testing.Poll;
import poolbench.server.testing.TestHttp;

/**
 * The descriptor exhaustion a hostile-client session found, reproduced in a child JVM under {@code ulimit -n 200}:
 * more connections than the process has descriptors, held, then closed. The accept loop must survive, must not
 * spin or flood the log while it cannot accept, and must serve again once descriptors are free; {@code /stats} must
 * answer throughout, even behind a client that sends half a request.
 */
class DescriptorExhaustionTest {

    private static final int LIMIT = 200;
    private static final int CONNECTIONS = 300;
    private static final Path LOG = Path.of("target", "descriptor-exhaustion-server.log");

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theServerSurvivesRunningOutOfDescriptorsAndServesAgainOnceTheyAreFreed() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && Files.isExecutable(Path.of("/bin/bash")),
                "needs Linux and bash for ulimit");
        Files.createDirectories(LOG.getParent());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c",
                "ulimit -n " + LIMIT + " && exec \"$0\" -Xmx128m -XX:+UseSerialGC -cp \"$1\" "
                        + ExhaustionServerMain.class.getName(),
                javaBin, System.getProperty("java.class.path"));
        builder.redirectError(LOG.toFile());
        Process server = builder.start();
        List<Socket> held = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertTrue(ready != null && ready.startsWith("ports "), "server did not start: " + ready);
            String[] ports = ready.split(" ");
            int port = Integer.parseInt(ports[1]);
            int admin = Integer.parseInt(ports[2]);
            assertEquals(200, TestHttp.get(port, "/plaintext").status());

            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                held.add(s);
            }
            Poll.until(Duration.ofSeconds(20), () -> log().contains("failed"),
                    () -> "the server never reported a failed accept; its log: " + log());
            long logLinesBefore = acceptReports();
            Duration cpuBefore = cpu(server);
            long t0 = System.nanoTime();

            // The sampler's question, answered while the process has no descriptor to spare, also behind a
            // client that sent half a request head and stopped.
            List<Duration> statsTimes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statsTimes.add(timedStats(admin));
            }
            try (TestHttp stalled = TestHttp.connect(admin)) {
                stalled.send("GET /sta");
                statsTimes.add(timedStats(admin));
            }
            Thread.sleep(Math.max(0, 3_000 - (System.nanoTime() - t0) / 1_000_000));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuShare = (cpu(server).toNanos() - cpuBefore.toNanos()) / 1e9 / seconds;
            long reports = acceptReports() - logLinesBefore;
            assertTrue(cpuShare < 0.5, "the exhausted server used " + cpuShare + " of a CPU: it spins");
            assertTrue(reports <= Math.ceil(seconds) + 1, reports + " accept reports in " + seconds + " s");

            for (Socket s : held) {
                s.close();
            }
            long relief = System.nanoTime();
            TestHttp.Response after = TestHttp.get(port, "/plaintext");
            Duration recovered = Duration.ofNanos(System.nanoTime() - relief);
            assertEquals(200, after.status());
            assertTrue(recovered.compareTo(Duration.ofSeconds(1)) < 0, "served again only after " + recovered);
            assertTrue(server.isAlive(), "the server died");
            assertTrue(!log().contains("Exception in thread"), "a thread died: " + log());

            Figures.record("server-core test arm", "ulimit -n " + LIMIT + ", " + CONNECTIONS
                    + " connections held: CPU while unable to accept, of one core", String.format(Locale.ROOT, "%.3f", cpuShare));
            Figures.record("server-core test arm", "accept-failure reports in " + String.format(Locale.ROOT, "%.1f s", seconds), reports);
            Figures.record("server-core test arm", "/stats while exhausted (3 plain, then behind a stalled client)",
                    statsTimes.stream().map(Figures::ms).toList());
            Figures.record("server-core test arm", "first /plaintext answered after the connections closed", Figures.ms(recovered));
        } finally {
            for (Socket s : held) {
                s.close();
            }
            server.getOutputStream().close();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Duration timedStats(int admin) throws IOException {
        long t = System.nanoTime();
        TestHttp.Response r = TestHttp.get(admin, "/stats");
        assertEquals(200, r.status(), "stats: " + r);
        assertTrue(r.body().contains("\"connectionsOpen\""), r.body());
        return Duration.ofNanos(System.nanoTime() - t);
    }

    private static Duration cpu(Process p) {
        return p.info().totalCpuDuration().orElseThrow();
    }

    private static long acceptReports() {
        return log().lines().filter(l -> l.contains("accept on the") && l.contains("failed")).count();
    }

    private static String log() {
        try {
            return Files.readString(LOG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
