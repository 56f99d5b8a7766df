package poolbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import poolbench.compare.CompareRun;
import poolbench.compare.machine.Interference;
import poolbench.compare.machine.Pinning;
import poolbench.compare.record.Environment;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.ServerDeltas;
import poolbench.loadgen.HistogramCodec;
import poolbench.loadgen.LatencyReport;
import poolbench.loadgen.LoadConfig;
import poolbench.loadgen.LoadResult;
import poolbench.server.stats.StatsSnapshot;

/**
 * Run records built in code with exactly the figures a test needs, through the same public records compare writes;
 * and run directories made of them.
 */
public final class Runs {

    static final long T0 = 1_800_000_000_000L;

    private Runs() {
    }

    /** A fresh builder: one arm's run of a workload, every figure defaulted to something plausible. */
    public static Run run(String arm, String workload, int connections, int repeat) {
        return new Run(arm, workload, connections, repeat);
    }

    public static RunSet set(List<RunRecord> records) {
        return set(records, List.of());
    }

    /** Single runs and launch records, as a run directory holds them. */
    public static RunSet set(List<RunRecord> records, List<LaunchRecord> launches) {
        return new RunSet(Path.of("fixture"), records, Optional.empty(), new JmhResults(List.of(), List.of()),
                OperatingPoints.of(launches));
    }

    /** Single runs and launch records with an environment. */
    public static RunSet set(List<RunRecord> records, List<LaunchRecord> launches, Environment env) {
        return new RunSet(Path.of("fixture"), records, Optional.of(env), new JmhResults(List.of(), List.of()),
                OperatingPoints.of(launches));
    }

    /** An environment of a comparison run, with its CPU accounting (ticks of 10 ms) and quota. */
    public static Environment accountedEnvironment() {
        return new Environment("2026-12-02T10:00:00Z", "fixture1", "Test CPU", 2, "6.1.0", "Linux amd64",
                "Eclipse Adoptium", "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM",
                List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"),
                new Pinning(true, "0", "1", 1, 1, "server on CPUs 0, load on CPUs 1 (taskset)"), "abc123", "quick",
                "PT2S", "PT4S", 1, new Environment.Accounting(100, "0", "1", true, 0.03, 3, 10, 0.9, 2, 0.05),
                List.of(), List.of(), 0, List.of(), Launches.QUOTA, List.of("plaintext-close-c16: 5 launches × 2 "
                + "rounds"));
    }

    /** Launch records alone: a run of comparisons. */
    public static RunSet compared(List<LaunchRecord> launches) {
        return set(List.of(), launches);
    }

    public static Environment environment(int repeats) {
        return new Environment("2026-11-28T03:20:51Z", "fixture1", "Test CPU", 2, "6.1.0", "Linux amd64",
                "Eclipse Adoptium", "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM",
                List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"),
                new Pinning(true, "0", "1", 1, 1, "server on CPUs 0, load on CPUs 1 (taskset)"), "abc123", "fixture",
                "PT1S", "PT2S", repeats);
    }

    /** Writes single runs, launch records and an environment as compare would. */
    public static Path writeRunDirectory(Path dir, List<RunRecord> records, List<LaunchRecord> launches,
                                         Environment env) throws IOException {
        writeRunDirectory(dir, records, env);
        Launches.write(dir, launches);
        return dir;
    }

    /** Writes the records and an environment as compare would: raw/<id>.json and environment.json. */
    public static Path writeRunDirectory(Path dir, List<RunRecord> records, Environment env) throws IOException {
        Files.createDirectories(dir.resolve("raw"));
        for (RunRecord r : records) {
            CompareRun.JSON.writeValue(dir.resolve("raw").resolve(r.id() + ".json").toFile(), r);
        }
        if (env != null) {
            CompareRun.JSON.writeValue(dir.resolve("environment.json").toFile(), env);
        }
        return dir;
    }

    /** Latencies spread from {@code fromMs} to {@code toMs}, with a few slow ones for a tail. */
    public static Histogram latencies(double fromMs, double toMs, int count) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < count; i++) {
            double ms = fromMs + (toMs - fromMs) * i / count;
            h.recordValue((long) (ms * 1e6));
        }
        h.recordValue((long) (toMs * 10 * 1e6));
        return h;
    }

    /** Everything one record says; the defaults describe a healthy pooled run. */
    public static final class Run {
        final String arm;
        final String workload;
        public final int connections;
        final int repeat;
        public String path = "/plaintext";
        public boolean close;
        public List<String> serverArgs = List.of();
        public String buffers = "worker";
        double requestsPerSecond = 10_000;
        long timeouts;
        double allocBytesPerRequest = 1_000;
        double cpuMicrosPerRequest = 100;
        double gcPer10k = 1;
        long threadsPeak = 20;
        long threadsStarted = 0;
        long workersPeak = 16;
        long workersAliveBefore = 16;
        long workersStarted = 0;
        long workersStartedSinceStart = 16;
        long workersReaped = 0;
        long workersAliveAtEnd = 16;
        public long poolPeakCounter = 16;
        long accepted = 16;
        long rejected = 0;
        public Interference interference;
        double latencyFromMs = 0.1;
        double latencyToMs = 2;
        public List<long[]> samples = List.of();
        String heap = "512m";
        String gcName = "g1";
        public long fullGcs = 0;
        public double stackChunkBytes = -1;
        long dbPoolSize = 0;
        double dbWaitMicros = 0;

        public Run(String arm, String workload, int connections, int repeat) {
            this.arm = arm;
            this.workload = workload;
            this.connections = connections;
            this.repeat = repeat;
        }

        public Run close() {
            close = true;
            return this;
        }

        public Run path(String p) {
            path = p;
            return this;
        }

        public Run serverArgs(String... args) {
            serverArgs = List.of(args);
            return this;
        }

        public Run buffers(String b) {
            buffers = b;
            return this;
        }

        /** The run's CPU accounting: others' share on the server's CPUs, the load's utilization, the attempt. */
        public Run interference(double serverOthers, double loadUse, int attempt) {
            interference = new Interference(serverOthers, 0, 0, 0.95, loadUse,
                    loadUse >= Interference.SATURATED ? Interference.LOAD : Interference.SERVER, serverOthers <= 0.03,
                    attempt);
            return this;
        }

        /** The heap and collector of a sweep run. */
        public Run jvm(String h, String g) {
            heap = h;
            gcName = g;
            return this;
        }

        public Run fullGcs(long n) {
            fullGcs = n;
            return this;
        }

        public Run stackChunkBytes(double perRequest) {
            stackChunkBytes = perRequest;
            return this;
        }

        /** A run on db: the pool's size and its wait per request. */
        Run dbPool(long size, double waitMicrosPerRequest) {
            dbPoolSize = size;
            dbWaitMicros = waitMicrosPerRequest;
            return this;
        }

        /** Requests the load gave up on after its timeout (2 s in these records). */
        Run timeouts(long n) {
            timeouts = n;
            return this;
        }

        public Run rps(double v) {
            requestsPerSecond = v;
            return this;
        }

        public Run alloc(double v) {
            allocBytesPerRequest = v;
            return this;
        }

        public Run cpu(double v) {
            cpuMicrosPerRequest = v;
            return this;
        }

        Run gc(double v) {
            gcPer10k = v;
            return this;
        }

        public Run threads(long peak, long started) {
            threadsPeak = peak;
            threadsStarted = started;
            return this;
        }

        /** Workers alive at the window's start, started in it, and the sampled peak. */
        public Run workers(long aliveBefore, long startedInWindow, long peak) {
            workersAliveBefore = aliveBefore;
            workersStarted = startedInWindow;
            workersPeak = peak;
            poolPeakCounter = peak;
            return this;
        }

        /** Started since the server began, reaped to the end of the idle phase, alive at its end. */
        public Run lifecycle(long startedSinceStart, long reaped, long aliveAtEnd) {
            workersStartedSinceStart = startedSinceStart;
            workersReaped = reaped;
            workersAliveAtEnd = aliveAtEnd;
            return this;
        }

        public Run poolPeakCounter(long v) {
            poolPeakCounter = v;
            return this;
        }

        public Run connections(long acceptedInWindow, long rejectedInWindow) {
            accepted = acceptedInWindow;
            rejected = rejectedInWindow;
            return this;
        }

        public Run latency(double fromMs, double toMs) {
            latencyFromMs = fromMs;
            latencyToMs = toMs;
            return this;
        }

        /** Samples as {seconds after the first, workers alive, threads live}. */
        public Run samples(long[]... s) {
            samples = List.of(s);
            return this;
        }

        public RunRecord build() {
            double seconds = 2;
            long requests = Math.round(requestsPerSecond * seconds);
            Histogram h = latencies(latencyFromMs, latencyToMs, (int) Math.min(requests, 5_000));
            Map<String, Double> percentiles = new LinkedHashMap<>();
            for (double p : new double[] {50, 75, 90, 99, 99.9, 99.99}) {
                percentiles.put(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p),
                        h.getValueAtPercentile(p) / 1e6);
            }
            LatencyReport latency = new LatencyReport("send", h.getTotalCount(), h.getMinValue() / 1e6,
                    h.getMean() / 1e6, h.getStdDeviation() / 1e6, h.getMaxValue() / 1e6, percentiles,
                    HistogramCodec.encode(h));
            LoadConfig config = new LoadConfig("http://127.0.0.1:8080" + path, connections, 1, Duration.ofSeconds(2),
                    Duration.ZERO, null, close, 1, Duration.ofSeconds(2));
            LoadResult load = new LoadResult(LoadResult.TOOL, config, "closed-loop", "2026-11-28T03:20:51Z", seconds,
                    false, requests, requests, 0, requestsPerSecond, requests * 130, requests * 60,
                    requests * 65.0, seconds / 2, new LoadResult.Connections(close ? requests : connections, 0),
                    new LoadResult.Errors(0, 0, 0, timeouts, 0, 0),
                    new LoadResult.StatusClasses(0, requests - rejected, 0, 0, rejected, 0), latency, null, null,
                    List.of());
            ServerDeltas deltas = new ServerDeltas(requests, cpuMicrosPerRequest, allocBytesPerRequest, gcPer10k,
                    gcPer10k * 2, threadsPeak, threadsStarted, workersPeak, workersStarted, workersReaped, accepted,
                    rejected, 100L << 20, 1.0, 0.01, 0, 0, fullGcs, fullGcs * 50, -1, 0, 0, dbPoolSize,
                    dbWaitMicros, 0, stackChunkBytes);
            StatsSnapshot before = snapshot(T0, workersAliveBefore, threadsPeak, workersStartedSinceStart
                    - workersStarted, 0, poolPeakCounter);
            StatsSnapshot after = snapshot(T0 + 2_000, workersPeak, threadsPeak, workersStartedSinceStart, 0,
                    poolPeakCounter);
            StatsSnapshot end = snapshot(T0 + 5_000, workersAliveAtEnd, threadsPeak, workersStartedSinceStart,
                    workersReaped, poolPeakCounter);
            List<StatsSnapshot> sampled = new ArrayList<>();
            for (long[] s : samples) {
                sampled.add(snapshot(T0 + s[0] * 1_000, s[1], s[2], workersStartedSinceStart, 0, poolPeakCounter));
            }
            boolean swept = !(heap.equals("512m") && gcName.equals("g1"));
            String id = workload + "-c" + connections + "-" + arm + "-r" + repeat + (swept ? "-" + heap + "-" + gcName : "");
            return new RunRecord(id, arm, workload, path, close, 1, connections, repeat, serverArgs, null, load, deltas,
                    before, after, end, sampled, interference, 2_000, heap, gcName, null);
        }

        private StatsSnapshot snapshot(long epochMillis, long workersAlive, long threadsLive, long started,
                                       long reaped, long peak) {
            return new StatsSnapshot(arm, buffers, epochMillis, epochMillis - T0 + 1_000, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    threadsLive, threadsLive, 0, workersAlive, 0, peak, started, reaped, 50L << 20, 90L << 20,
                    100L << 20, 0, 0, true, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}
