package poolbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import poolbench.compare.CompareRun;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;

/**
 * Every comparison of a run, from {@code launches/*.json} beside {@code raw/}: what the measured claims are decided
 * on (cost at equal load, capacity, launch-level intervals). A run written before comparisons existed has none.
 * Files that are not launch records are named, not fatal.
 */
public final class OperatingPoints {

    public static final String DIRECTORY = CompareRun.LAUNCHES;

    /** By workload in the order compare knows them, then connections, then heap and collector. */
    private static final Comparator<ComparisonLaunches> ORDER = Comparator
            .<ComparisonLaunches>comparingInt(c -> Workload.NAMES.contains(c.workload())
                    ? Workload.NAMES.indexOf(c.workload()) : Workload.NAMES.size())
            .thenComparing(ComparisonLaunches::workload)
            .thenComparingInt(ComparisonLaunches::connections)
            .thenComparing(c -> !c.jvm().isDefault())
            .thenComparingLong(c -> heapBytes(c.jvm().heap()))
            .thenComparing(c -> c.jvm().gc());
    static final OperatingPoints NONE = new OperatingPoints(List.of(), List.of());

    private final List<ComparisonLaunches> comparisons;
    private final List<String> unreadable;

    OperatingPoints(List<ComparisonLaunches> comparisons, List<String> unreadable) {
        this.comparisons = comparisons.stream().sorted(ORDER).toList();
        this.unreadable = List.copyOf(unreadable);
    }

    /** The launch records grouped by comparison. */
    public static OperatingPoints of(List<LaunchRecord> records) {
        Map<String, List<LaunchRecord>> byComparison = new LinkedHashMap<>();
        for (LaunchRecord r : records) {
            byComparison.computeIfAbsent(r.comparison(), k -> new ArrayList<>()).add(r);
        }
        return new OperatingPoints(byComparison.values().stream().map(ComparisonLaunches::new).toList(), List.of());
    }

    static OperatingPoints load(Path runDir) throws IOException {
        Path dir = runDir.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return NONE;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<LaunchRecord> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path f : files) {
            try {
                LaunchRecord r = CompareRun.JSON.readValue(f.toFile(), LaunchRecord.class);
                if (r.comparison() == null || r.servers() == null) {
                    unreadable.add(f.getFileName() + " (not a launch record)");
                } else {
                    records.add(r);
                }
            } catch (IOException e) {
                unreadable.add(f.getFileName() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        OperatingPoints grouped = of(records);
        return new OperatingPoints(grouped.comparisons, unreadable);
    }

    public List<ComparisonLaunches> all() {
        return comparisons;
    }

    public boolean isEmpty() {
        return comparisons.isEmpty();
    }

    /** The comparisons of {@code workload} at the default heap and collector, one per connection count. */
    public List<ComparisonLaunches> of(String workload) {
        return comparisons.stream().filter(c -> c.workload().equals(workload) && c.jvm().isDefault()).toList();
    }

    /** The comparisons of {@code workload} at other heaps and collectors: the sweep. */
    public List<ComparisonLaunches> swept(String workload) {
        return comparisons.stream().filter(c -> c.workload().equals(workload) && !c.jvm().isDefault()).toList();
    }

    /** The comparison of {@code workload} at {@code connections} and the default JVM, if the run has it. */
    public Optional<ComparisonLaunches> of(String workload, int connections) {
        return of(workload).stream().filter(c -> c.connections() == connections).findFirst();
    }

    public List<String> unreadable() {
        return unreadable;
    }

    /** 256m → bytes, for ordering heaps. */
    public static long heapBytes(String heap) {
        long n = Long.parseLong(heap.substring(0, heap.length() - 1));
        return heap.endsWith("g") ? n << 30 : n << 20;
    }
}
