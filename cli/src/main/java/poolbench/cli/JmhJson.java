package poolbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a JMH result file fit to keep in {@code results/}: JMH writes every SampleTime sample's histogram
 * ({@code rawDataHistogram}), 20 MB pretty-printed for the full suite, which nothing reads; the percentiles it
 * summarises stay in {@code scorePercentiles}, and every iteration's score in {@code rawData}.
 *
 * <p>For SampleTime JMH writes no {@code rawData}, only the histograms; an iteration's score there is the mean of
 * its samples (what JMH prints per iteration), so that mean is kept as its {@code rawData} before the histogram
 * goes. Without it the spread of a SampleTime mean from iteration to iteration and fork to fork would be lost:
 * JMH's error for SampleTime is computed over the samples, not the iterations.
 */
final class JmhJson {

    static final String DROPPED = "rawDataHistogram";
    static final String ITERATIONS = "rawData";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {
    }

    /** Rewrites {@code file} without the sample histograms, each iteration's mean kept in their place. */
    static void compact(Path file) throws IOException {
        JsonNode results = JSON.readTree(file.toFile());
        for (JsonNode benchmark : results) {
            compact(benchmark.get("primaryMetric"));
            JsonNode secondary = benchmark.get("secondaryMetrics");
            if (secondary != null) {
                secondary.forEach(JmhJson::compact);
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    private static void compact(JsonNode metric) {
        if (!(metric instanceof ObjectNode m) || !m.has(DROPPED)) {
            return;
        }
        if (!m.has(ITERATIONS)) {
            m.set(ITERATIONS, iterationMeans(m.get(DROPPED)));
        }
        m.remove(DROPPED);
    }

    /** Forks of iterations of {@code [value, count]} pairs, as JMH writes them, to forks of iteration means. */
    private static ArrayNode iterationMeans(JsonNode forks) {
        ArrayNode means = JSON.createArrayNode();
        for (JsonNode fork : forks) {
            ArrayNode iterations = means.addArray();
            for (JsonNode iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JsonNode valueAndCount : iteration) {
                    long n = valueAndCount.get(1).asLong();
                    sum += valueAndCount.get(0).asDouble() * n;
                    count += n;
                }
                if (count == 0) {
                    iterations.add("NaN"); // JMH's own spelling of a score it has no value for
                } else {
                    iterations.add(sum / count);
                }
            }
        }
        return means;
    }
}
