package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LoadCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cmd = LoadCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://127.0.0.1/x                     | use an http:// URL",
            "https://127.0.0.1/                    | https is not supported",
            "http:///plaintext                     | has no host",
            "127.0.0.1:8080/plaintext              | has no scheme",
            "http://127.0.0.1:1/ -c 0              | --connections must be at least 1",
            "http://127.0.0.1:1/ -t 0              | --threads must be at least 1",
            "http://127.0.0.1:1/ -d -1s            | --duration must be positive",
            "http://127.0.0.1:1/ -d 0              | --duration must be positive",
            "http://127.0.0.1:1/ -d ten            | use e.g. 10s, 500ms or 2m",
            "http://127.0.0.1:1/ --warmup -2s      | --warmup must be zero or positive",
            "http://127.0.0.1:1/ --pipeline 0      | --pipeline must be at least 1",
            "http://127.0.0.1:1/ --close --pipeline 2 | drop --close or use --pipeline 1",
            "http://127.0.0.1:1/ --rate 0          | --rate must be a positive number",
            "http://127.0.0.1:1/ --rate -5         | --rate must be a positive number",
            "http://127.0.0.1:1/ --timeout 0s      | --timeout must be positive",
            "http://127.0.0.1:1/ --max-errors lots | --max-errors takes a percentage, e.g. 1%",
            "http://127.0.0.1:1/ --max-errors 101% | --max-errors must be a percentage from 0% to 100%",
            "http://127.0.0.1:1/ -c many           | --connections",
            "http://127.0.0.1:1/ --frobnicate      | Unknown option",
            "http://no-such-host.invalid/          | cannot resolve host",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String fix) {
        int code = execute(args.trim().split("\\s+"));

        assertEquals(LoadCommand.EXIT_USAGE, code);
        String message = err.toString().strip();
        assertFalse(message.contains("\n"), "more than one line: " + message);
        assertFalse(message.contains("Exception"), "looks like a stack trace: " + message);
        assertTrue(message.contains(fix), message);
        assertTrue(message.startsWith("load: "), message);
        assertEquals("", out.toString());
    }

    @Test
    void missingUrlIsOneLineAndExitCodeTwo() {
        assertEquals(LoadCommand.EXIT_USAGE, execute());
        assertFalse(err.toString().strip().contains("\n"), err.toString());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aRunPrintsTheSummaryAndWritesMergeableJsonAndHgrm(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        Path hgrm = dir.resolve("run.hgrm");
        try (CountingJdkServer server = CountingJdkServer.start()) {
            int code = execute(server.url(), "-c", "2", "-t", "1", "-d", "500ms", "--json", json.toString(),
                    "--hgrm", hgrm.toString());

            assertEquals(0, code, err.toString());
            assertTrue(out.toString().contains("Requests/sec:"), out.toString());

            LoadResult result = LoadResult.readJson(json);
            assertEquals(server.requests(), result.requests());
            Histogram latency = result.latencyHistogram();
            assertEquals(result.requests(), latency.getTotalCount());
            Histogram twoRuns = latency.copy();
            twoRuns.add(LoadResult.readJson(json).latencyHistogram());
            assertEquals(2 * result.requests(), twoRuns.getTotalCount());

            JsonNode tree = new ObjectMapper().readTree(json.toFile());
            assertEquals("500ms", tree.at("/config/duration").asText());
            assertEquals(result.requests(), tree.at("/statusClasses/2xx").asLong());
            assertTrue(tree.at("/latency/percentilesMs/99.9").isNumber());
            assertTrue(tree.at("/timeline/0/p99Ms").isNumber());
            assertTrue(tree.at("/errors/timeout").isNumber());

            String distribution = Files.readString(hgrm);
            assertTrue(distribution.contains("Value     Percentile TotalCount 1/(1-Percentile)"), distribution);
            assertTrue(distribution.matches("(?s).*Total count += +" + result.requests() + "].*"), distribution);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anOpenLoopRunWritesTheServiceTimeDistributionBesideTheLatency(@TempDir Path dir) throws Exception {
        Path hgrm = dir.resolve("open.hgrm");
        try (CountingJdkServer server = CountingJdkServer.start()) {
            int code = execute(server.url(), "-c", "2", "-t", "1", "-d", "500ms", "--rate", "100",
                    "--hgrm", hgrm.toString());

            assertEquals(0, code, err.toString());
            assertTrue(out.toString().contains("Service time"), out.toString());
            assertTrue(Files.exists(dir.resolve("open.service.hgrm")));
        }
    }
}
