package poolbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one tiny benchmark the way the suites run (a forked JVM, the GC profiler, a JSON result file) and checks
 * that the file carries what the reports read: a primary score and the allocation per operation. Speed is not
 * asserted: this machine is shared and a test is not a measurement.
 */
class ParseBenchmarkRunTest {

    @Test
    @Timeout(120)
    void aForkedRunWithTheGcProfilerWritesScoreAndAllocationPerOpToJson(@TempDir Path dir)
            throws RunnerException, IOException {
        Path json = dir.resolve("parse.json");
        // JMH refuses to start while another run holds its machine-wide lock; this run measures nothing, so it may
        // share the machine with a real one rather than fail.
        System.setProperty("jmh.ignoreLock", "true");
        // One fork, as the suites use: JMH starts it with this JVM and this test's class path.
        Options options = new OptionsBuilder()
                .include(ParseBenchmark.class.getName() + ".workerOwnedBuffers")
                .param("request", RequestShape.PLAINTEXT.name())
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(500))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .output(dir.resolve("jmh-output.txt").toString())
                .build();

        new Runner(options).run();

        JsonNode runs = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, runs.size(), "one benchmark run in " + runs);
        JsonNode run = runs.get(0);
        assertEquals(ParseBenchmark.class.getName() + ".workerOwnedBuffers", run.path("benchmark").asText());
        assertTrue(run.path("primaryMetric").path("score").asDouble() > 0, "a positive score in " + run);
        assertEquals("ns/op", run.path("primaryMetric").path("scoreUnit").asText());
        JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
        assertTrue(alloc.path("score").isNumber(), "gc.alloc.rate.norm in " + run.path("secondaryMetrics"));
        assertEquals("B/op", alloc.path("scoreUnit").asText());
        assertTrue(run.path("jvm").asText().endsWith("java"), "the JVM recorded in " + run);
    }
}
