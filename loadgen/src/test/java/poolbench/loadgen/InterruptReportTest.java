package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (here SIGTERM, which runs the same shutdown hook) prints and writes what was measured so far. */
@Timeout(60)
class InterruptReportTest {

    @Test
    void aSignalledRunPrintsAndWritesThePartialResult(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path json = dir.resolve("run.json");
        try (CountingJdkServer server = CountingJdkServer.start()) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process load = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LoadCommand.class.getName(), server.url(), "-c", "2", "-t", "1", "-d", "60s",
                    "--json", json.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.readString(out).contains("Running") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(1500);
                load.destroy();
                assertTrue(load.waitFor(20, TimeUnit.SECONDS), "the load process did not end");
            } finally {
                load.destroyForcibly();
            }

            String printed = Files.readString(out);
            assertTrue(printed.contains("interrupted"), printed);
            assertTrue(printed.contains("Requests/sec:"), printed);
            LoadResult result = LoadResult.readJson(json);
            assertTrue(result.interrupted());
            assertTrue(result.requests() > 0);
            assertTrue(result.measuredSeconds() < 30);
            assertEquals(result.sent(), result.requests() + result.abandoned() + result.errors().lostRequests());
        }
    }
}
