package poolbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a JMH result file fit to keep in {@code results/}: JMH writes every SampleTime sample's histogram
 * ({@code rawDataHistogram}), 20 MB pretty-printed for the full suite, which nothing reads; the percentiles it
 * summarises stay in {@code scorePercentiles}, and every iteration's score in {@code rawData}.
 */
final class JmhJson {

    static final String DROPPED = "rawDataHistogram";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {
    }

    /** Rewrites {@code file} without the sample histograms. */
    static void compact(Path file) throws IOException {
        JsonNode results = JSON.readTree(file.toFile());
        for (JsonNode benchmark : results) {
            drop(benchmark.get("primaryMetric"));
            JsonNode secondary = benchmark.get("secondaryMetrics");
            if (secondary != null) {
                secondary.forEach(JmhJson::drop);
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    private static void drop(JsonNode metric) {
        if (metric instanceof ObjectNode m) {
            m.remove(DROPPED);
        }
    }
}
