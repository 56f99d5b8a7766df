package poolbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every JMH result under a run's {@code jmh/} directory ({@code *.json}, JMH's standard {@code -rf json} format),
 * and the environment notes {@code jmh} writes beside them ({@code <suite>-environment.txt}). Files that are not JMH
 * results are skipped, and named, rather than failing the report.
 *
 * @param environments each environment note's file name and text, in name order
 */
public record JmhResults(List<JmhResult> results, List<String> unreadable, Map<String, String> environments) {

    public JmhResults(List<JmhResult> results, List<String> unreadable) {
        this(results, unreadable, Map.of());
    }

    public static final String DIRECTORY = "jmh";
    private static final String PACKAGE = "poolbench.bench.jmh.";
    private static final String ENVIRONMENT_SUFFIX = "-environment.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    static JmhResults load(Path runDir) throws IOException {
        Path dir = runDir.resolve(DIRECTORY);
        List<JmhResult> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new JmhResults(results, unreadable);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        Map<String, String> environments = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path note : list.filter(p -> p.getFileName().toString().endsWith(ENVIRONMENT_SUFFIX)).toList()) {
                environments.put(note.getFileName().toString(), Files.readString(note).strip());
            }
        }
        for (Path file : files) {
            try {
                JsonNode root = JSON.readTree(file.toFile());
                if (root == null || !root.isArray()) {
                    unreadable.add(file.getFileName() + " (not a JMH result array)");
                    continue;
                }
                for (JsonNode row : root) {
                    results.add(parse(row));
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(file.getFileName() + " (" + e.getMessage() + ")");
            }
        }
        return new JmhResults(results, unreadable, environments);
    }

    static JmhResult parse(JsonNode row) {
        String benchmark = row.path("benchmark").asText();
        if (benchmark.isEmpty()) {
            throw new IllegalArgumentException("a row without a benchmark name");
        }
        String shortName = benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
        int dot = shortName.lastIndexOf('.');
        String className = dot < 0 ? shortName : shortName.substring(shortName.lastIndexOf('.', dot - 1) + 1, dot);
        String method = shortName.substring(dot + 1);
        Map<String, String> params = new LinkedHashMap<>();
        row.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = row.path("primaryMetric");
        JsonNode alloc = row.path("secondaryMetrics").path("gc.alloc.rate.norm");
        return new JmhResult(className, method, row.path("mode").asText(), row.path("threads").asInt(1), params,
                number(primary.path("score")), number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                alloc.isMissingNode() ? Double.NaN : number(alloc.path("score")));
    }

    /** JMH writes NaN as the string "NaN" where it has no error estimate. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    public List<JmhResult> of(String className) {
        return results.stream().filter(r -> r.className().equals(className)).toList();
    }

    /** The rows of one class in one mode (a class may run several, like HandOffBenchmark). */
    public List<JmhResult> of(String className, String mode) {
        return of(className).stream().filter(r -> r.mode().equals(mode)).toList();
    }

    /** The first mode of {@code preferred} that the class has results in. */
    public Optional<String> firstMode(String className, List<String> preferred) {
        return preferred.stream().filter(m -> !of(className, m).isEmpty()).findFirst();
    }
}
