package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {

    @Test
    void compactingDropsOnlyTheSampleHistogramsAndKeepsScoresPercentilesAndIterations(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("full.json");
        Files.writeString(file, """
                [{"benchmark": "b.Sample", "mode": "sample",
                  "primaryMetric": {"score": 1.5, "scoreError": 0.1, "scorePercentiles": {"99.0": 3.0},
                                    "rawData": [[1.4, 1.6]], "rawDataHistogram": [[[[1.0, 7]]]]},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0.0, "rawDataHistogram": [[[[0.0, 1]]]]}}}]
                """);

        JmhJson.compact(file);

        JsonNode b = new ObjectMapper().readTree(file.toFile()).get(0);
        assertFalse(b.get("primaryMetric").has(JmhJson.DROPPED));
        assertFalse(b.get("secondaryMetrics").get("gc.alloc.rate.norm").has(JmhJson.DROPPED));
        assertEquals(1.5, b.get("primaryMetric").get("score").asDouble());
        assertEquals(3.0, b.get("primaryMetric").get("scorePercentiles").get("99.0").asDouble());
        assertEquals(2, b.get("primaryMetric").get("rawData").get(0).size());
        assertTrue(b.get("secondaryMetrics").get("gc.alloc.rate.norm").has("score"));
        assertEquals("b.Sample", b.get("benchmark").asText());
    }

    @Test
    void sampleTimeIterationsKeepTheirMeansAsRawDataWhenTheirHistogramsGo(@TempDir Path dir) throws Exception {
        // As JMH writes SampleTime: forks of iterations of [value, count], and no rawData.
        Path file = dir.resolve("quick.json");
        Files.writeString(file, """
                [{"benchmark": "b.Sample", "mode": "sample",
                  "primaryMetric": {"score": 1.75, "scoreError": 0.1,
                                    "rawDataHistogram": [[[[1.0, 3], [3.0, 1]], [[2.0, 2]]], [[[4.0, 1]]]]}}]
                """);

        JmhJson.compact(file);

        JsonNode primary = new ObjectMapper().readTree(file.toFile()).get(0).get("primaryMetric");
        assertFalse(primary.has(JmhJson.DROPPED));
        assertEquals("[[1.5,2.0],[4.0]]", primary.get(JmhJson.ITERATIONS).toString());
    }
}
