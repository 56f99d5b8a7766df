package poolbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import poolbench.compare.CompareRun;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.Environment;
import poolbench.compare.record.RunRecord;

/**
 * Everything one run directory holds: the comparisons' launches ({@link OperatingPoints}, what the measured claims
 * are decided on), and the single runs, indexed the way reports ask for them: by workload, connection count, arm and
 * repeat. Single runs that failed, and those still disturbed after their retries, are kept (tables count them, the
 * README lists the disturbed with their figures) but never measured: {@link #ok} returns neither.
 */
public final class RunSet {

    public static final String RAW = "raw";
    public static final String ENVIRONMENT = "environment.json";

    private final Path dir;
    private final List<RunRecord> records;
    /** Runs at another heap or collector than the default: kept apart so they never pair with default runs. */
    private final List<RunRecord> swept;
    private final Optional<Environment> environment;
    private final JmhResults jmh;
    private final OperatingPoints operatingPoints;

    public RunSet(Path dir, List<RunRecord> records, Optional<Environment> environment, JmhResults jmh,
           OperatingPoints operatingPoints) {
        this.dir = dir;
        this.records = records.stream().filter(r -> r.jvm().isDefault()).toList();
        this.swept = records.stream().filter(r -> !r.jvm().isDefault()).toList();
        this.environment = environment;
        this.jmh = jmh;
        this.operatingPoints = operatingPoints;
    }

    /** A run directory is one that compare ({@code raw/}, {@code launches/}) or jmh ({@code jmh/}) wrote into. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir.resolve(RAW)) || Files.isDirectory(dir.resolve(OperatingPoints.DIRECTORY))
                || Files.isDirectory(dir.resolve(JmhResults.DIRECTORY));
    }

    public static RunSet load(Path dir) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        Path raw = dir.resolve(RAW);
        if (Files.isDirectory(raw)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(raw)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                records.add(CompareRun.readRecord(f));
            }
        }
        Path env = dir.resolve(ENVIRONMENT);
        Optional<Environment> environment = Files.isRegularFile(env)
                ? Optional.of(CompareRun.JSON.readValue(env.toFile(), Environment.class)) : Optional.empty();
        return new RunSet(dir, records, environment, JmhResults.load(dir), OperatingPoints.load(dir));
    }

    public Path dir() {
        return dir;
    }

    /** The directory's own name, e.g. {@code 2026-11-28-3d1219c7}: how the results index names a run. */
    public String name() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    public Optional<Environment> environment() {
        return environment;
    }

    public JmhResults jmh() {
        return jmh;
    }

    /** The comparisons: every launch record, by comparison. */
    public OperatingPoints operatingPoints() {
        return operatingPoints;
    }

    public List<RunRecord> all() {
        return records;
    }

    public List<RunRecord> failed() {
        return Stream.concat(records.stream(), swept.stream()).filter(r -> !r.ok()).toList();
    }

    /** The heap × collector sweep's runs (at a setting other than the default), failed ones included. */
    public List<RunRecord> swept() {
        return swept;
    }

    /** Measured, but others took the CPUs in every attempt: listed, never counted. */
    public List<RunRecord> disturbed() {
        return records.stream().filter(RunRecord::disturbed).toList();
    }

    /** Counted runs that were disturbed at first and clean at a later attempt: they count, and are listed. */
    public List<RunRecord> retried() {
        return Stream.concat(records.stream(), swept.stream()).filter(r -> r.counted() && r.interference() != null
                && r.interference().attempt() > 1).toList();
    }

    /** Every record, at the default JVM and swept, failed and disturbed ones included. */
    public int recordCount() {
        return records.size() + swept.size();
    }

    /** Whether any record carries CPU accounting (records written before it existed carry none). */
    public boolean accounted() {
        return records.stream().anyMatch(r -> r.interference() != null);
    }

    /** Whether the run has single runs ({@code raw/}). */
    public boolean hasCompareRecords() {
        return !records.isEmpty();
    }

    /** Workloads in the order compare knows them, then any others by name. */
    public List<String> workloads() {
        return records.stream().map(RunRecord::workload).distinct()
                .sorted(Comparator.<String>comparingInt(w -> Workload.NAMES.contains(w)
                        ? Workload.NAMES.indexOf(w) : Workload.NAMES.size()).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    public List<Integer> connections(String workload) {
        return records.stream().filter(r -> r.workload().equals(workload)).map(RunRecord::connections).distinct()
                .sorted().toList();
    }

    public List<WorkloadPoint> points() {
        return workloads().stream()
                .flatMap(w -> connections(w).stream().map(c -> new WorkloadPoint(w, c))).toList();
    }

    public List<WorkloadPoint> points(String workload) {
        return connections(workload).stream().map(c -> new WorkloadPoint(workload, c)).toList();
    }

    public List<String> arms() {
        return records.stream().map(RunRecord::arm).distinct().sorted(KnownArms.COMPARATOR).toList();
    }

    public List<String> arms(WorkloadPoint p) {
        return records(p).stream().map(RunRecord::arm).distinct().sorted(KnownArms.COMPARATOR).toList();
    }

    /** Every record of a workload point, failed ones included. */
    List<RunRecord> records(WorkloadPoint p) {
        return records.stream().filter(r -> r.workload().equals(p.workload()) && r.connections() == p.connections())
                .toList();
    }

    /** The successful, undisturbed runs of one arm at one workload point, by repeat. */
    public List<RunRecord> ok(WorkloadPoint p, String arm) {
        return records(p).stream().filter(r -> r.arm().equals(arm) && r.counted())
                .sorted(Comparator.comparingInt(RunRecord::repeat)).toList();
    }

    /** The successful run of one arm at a workload point in one repeat, if there is one. */
    public Optional<RunRecord> ok(WorkloadPoint p, String arm, int repeat) {
        return ok(p, arm).stream().filter(r -> r.repeat() == repeat).findFirst();
    }

    /** The successful runs of one arm on a workload at every connection count. */
    public List<RunRecord> ok(String workload, String arm) {
        return points(workload).stream().flatMap(p -> ok(p, arm).stream()).toList();
    }

    public int failedCount(WorkloadPoint p, String arm) {
        return (int) records(p).stream().filter(r -> r.arm().equals(arm) && !r.ok()).count();
    }

    public int disturbedCount(WorkloadPoint p, String arm) {
        return (int) records(p).stream().filter(r -> r.arm().equals(arm) && r.disturbed()).count();
    }

    /** Counted runs that were client-bound: the load's CPUs saturated, so they measured the client. */
    public int clientBoundCount(WorkloadPoint p, String arm) {
        return (int) ok(p, arm).stream().filter(RunRecord::clientBound).count();
    }

    /** One arm's figure at a workload point, a value per repeat. */
    public Figure figure(WorkloadPoint p, String arm, Metric metric) {
        return Figure.of(ok(p, arm).stream().map(metric::of).toList());
    }

    /**
     * {@code numerator}'s figure ÷ {@code denominator}'s on the same workload, connection count and repeat: repeat k
     * is paired with repeat k because arms take turns within a repeat, so a drift of the machine over the run
     * affects both sides of a pair alike.
     */
    public List<Figure.Repeat> pairedRatios(String workload, String numerator, String denominator,
                                   ToDoubleFunction<RunRecord> metric) {
        return pairedRatios(workload, numerator, denominator, metric, (n, d) -> true);
    }

    /**
     * The paired ratios of a metric: where the metric is {@linkplain Metric#cappedByClient capped by the client},
     * a pair with a client-bound run on either side is left out, since its ratio is the client's, not the arms'.
     */
    public List<Figure.Repeat> pairedRatios(String workload, String numerator, String denominator, Metric metric) {
        return pairedRatios(workload, numerator, denominator, metric::of, metric::comparable);
    }

    private List<Figure.Repeat> pairedRatios(String workload, String numerator, String denominator,
                                             ToDoubleFunction<RunRecord> metric,
                                             BiPredicate<RunRecord, RunRecord> counts) {
        List<Figure.Repeat> ratios = new ArrayList<>();
        for (WorkloadPoint p : points(workload)) {
            for (RunRecord n : ok(p, numerator)) {
                ok(p, denominator, n.repeat()).filter(d -> counts.test(n, d)).ifPresent(d ->
                        ratios.add(Figure.Repeat.ratio(p.connections(), n.repeat(), metric.applyAsDouble(n),
                                metric.applyAsDouble(d))));
            }
        }
        return ratios;
    }

    /** The paired ratios of {@link #pairedRatios(String, String, String, Metric)} at one workload point. */
    public List<Double> pairedRatios(WorkloadPoint p, String numerator, String denominator, Metric metric) {
        return pairedRatios(p.workload(), numerator, denominator, metric).stream()
                .filter(r -> r.connections() == p.connections()).map(Figure.Repeat::value).toList();
    }

    /**
     * Runs of a {@code Connection: close} /plaintext workload with per-connection buffers
     * ({@code --buffers connection}) on the given arm: recognised by what the server reported, whatever the workload
     * is called, since that is what separates buffer reuse from thread reuse.
     */
    public List<RunRecord> closeWithConnectionBuffers(String arm) {
        return records.stream().filter(r -> r.counted() && r.arm().equals(arm) && r.close()
                        && r.path().startsWith("/plaintext") && r.before() != null
                        && "connection".equals(r.before().buffers()))
                .sorted(Comparator.comparingInt(RunRecord::connections).thenComparingInt(RunRecord::repeat)).toList();
    }
}
