package poolbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import poolbench.compare.CompareRun;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.CpuTicks;
import poolbench.compare.machine.Interference;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.ServerDeltas;
import poolbench.compare.record.Window;
import poolbench.loadgen.HistogramCodec;
import poolbench.loadgen.LatencyReport;
import poolbench.loadgen.LoadConfig;
import poolbench.loadgen.LoadResult;

/**
 * Launch records of one comparison built in code, through the same public records compare writes: every arm at
 * every step of every launch gets two windows with exactly the figures a test gives it ({@link Cell}), the rest
 * plausible.
 */
public final class Launches {

    public static final CpuQuota QUOTA = new CpuQuota(0.5, 10_000, 5_000, "cgroup-v1", "a cgroup v1 cpu controller per "
            + "server");
    /** Windows per arm, step and launch: two rounds. */
    static final int ROUNDS = 2;

    private Launches() {
    }

    /** One arm's figures at one step of one launch. */
    public static final class Cell {
        public double cpu = 100;
        public double alloc = 1_000;
        double latencyFromMs = 0.1;
        double latencyToMs = 2;
        boolean sustained = true;
        boolean disturbed;
        long lost;
        double freshFromMs = 0.2;
        double freshToMs = 3;
        long freshLost;
        public long freshAnswered = 20;
        public long loadSideTicks = 10;
        public long databaseTicks;
        double dbWaitMicros;

        public static Cell cpu(double microsPerRequest) {
            Cell c = new Cell();
            c.cpu = microsPerRequest;
            return c;
        }

        public Cell alloc(double bytes) {
            alloc = bytes;
            return this;
        }

        /** The measured group's latencies, spread from {@code fromMs} to {@code toMs}. */
        public Cell latency(double fromMs, double toMs) {
            latencyFromMs = fromMs;
            latencyToMs = toMs;
            return this;
        }

        /** Achieved half the offered rate: the step is not sustained. */
        public Cell notSustained() {
            sustained = false;
            return this;
        }

        /** Others had the CPUs in both windows: nothing counts. */
        Cell disturbed() {
            disturbed = true;
            return this;
        }

        /** Mixed: light requests that got no answer in the window. */
        Cell lost(long n) {
            lost = n;
            return this;
        }

        /** Mixed: new connections' connect-to-first-response latencies. */
        public Cell fresh(double fromMs, double toMs) {
            freshFromMs = fromMs;
            freshToMs = toMs;
            return this;
        }

        /** Mixed: new connections answered and not answered in a window. */
        public Cell freshAnswered(long answered, long unanswered) {
            freshAnswered = answered;
            freshLost = unanswered;
            return this;
        }

        public Cell dbWait(double micros) {
            dbWaitMicros = micros;
            return this;
        }

        public Cell loadSideTicks(long ticks) {
            loadSideTicks = ticks;
            return this;
        }

        /** The part of the load side's ticks that the database used. */
        public Cell databaseTicks(long ticks) {
            databaseTicks = ticks;
            return this;
        }
    }

    /** The figures of an arm at a step in a launch (steps and launches from 0 and 1). */
    public interface Cells {
        Cell at(int step, int launch);
    }

    public static Comparison comparison(String workload, int connections) {
        return new Comparison(workload, connections);
    }

    /** A comparison being built: its shape, then one {@link Cells} per arm. */
    public static final class Comparison {
        final String workload;
        final int connections;
        String heap = "512m";
        String gc = "g1";
        List<Double> rates = List.of(1_000.0, 2_000.0, 3_200.0);
        List<Double> fractions = List.of(0.25, 0.5, 0.8);
        public List<Double> heavyShares = List.of();
        public int launches = 5;
        final Map<String, Cells> arms = new LinkedHashMap<>();
        final List<CapacityPoint> capacities = new ArrayList<>();

        public Comparison(String workload, int connections) {
            this.workload = workload;
            this.connections = connections;
        }

        public Comparison launches(int n) {
            launches = n;
            return this;
        }

        public Comparison jvm(String h, String g) {
            heap = h;
            gc = g;
            return this;
        }

        /** The ladder's offered rates. */
        Comparison rates(double... r) {
            List<Double> list = new ArrayList<>();
            List<Double> f = new ArrayList<>();
            for (double v : r) {
                list.add(v);
                f.add(v / 4_000);
            }
            rates = list;
            fractions = f;
            return this;
        }

        /** Mixed: the heavy group's shares of the server CPU (its rates are 100 × the share). */
        public Comparison heavyShares(double... shares) {
            List<Double> s = new ArrayList<>();
            List<Double> r = new ArrayList<>();
            for (double v : shares) {
                s.add(v);
                r.add(100 * v);
            }
            heavyShares = s;
            rates = r;
            fractions = List.of();
            return this;
        }

        public Comparison arm(String arm, Cells cells) {
            arms.put(arm, cells);
            return this;
        }

        /** The same figures at every step of every launch. */
        public Comparison arm(String arm, Cell cell) {
            return arm(arm, (step, launch) -> cell);
        }

        public Comparison capacity(String arm, double capacity, boolean serverBound) {
            capacities.add(new CapacityPoint(arm, capacity, false, serverBound ? 0.5 : 0.95, serverBound,
                    serverBound ? "server-bound: the load CPUs were 50% busy" : "not measurable here: the load CPUs "
                    + "were 95% busy", List.of()));
            return this;
        }

        String id() {
            return workload + "-c" + connections + (heap.equals("512m") && gc.equals("g1") ? "" : "-" + heap + "-"
                    + gc);
        }

        boolean mixed() {
            return !heavyShares.isEmpty();
        }

        public List<LaunchRecord> build() {
            List<LaunchRecord> records = new ArrayList<>();
            for (int launch = 1; launch <= launches; launch++) {
                List<Window> windows = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    for (Map.Entry<String, Cells> arm : arms.entrySet()) {
                        for (int step = 0; step < rates.size(); step++) {
                            windows.add(window(arm.getKey(), round, step, arm.getValue().at(step, launch)));
                        }
                    }
                }
                List<LaunchRecord.Server> servers = arms.keySet().stream().map(a -> new LaunchRecord.Server(a,
                        a.equals(KnownArms.CLASSIC_AA) ? KnownArms.CLASSIC : a, List.of(), 2_000, null)).toList();
                records.add(new LaunchRecord(id() + "-l" + launch, id(), workload, "/plaintext",
                        workload.contains("close"), connections, launch, heap, gc, QUOTA, 50,
                        servers, rates, fractions, fractions.isEmpty() ? "" : fractions + " of the weakest arm's "
                        + "capacity", heavyShares, mixed() ? 20 : Double.NaN, launch == 1 ? capacities : List.of(),
                        windows, List.of(), null));
            }
            return records;
        }

        private Window window(String arm, int round, int step, Cell c) {
            double offered = mixed() ? poolbench.compare.plan.Comparison.MIXED_LIGHT_RATE : rates.get(step);
            double achieved = c.sustained ? offered : offered / 2;
            long requests = Math.max(0, Math.round(achieved) - (mixed() ? c.lost : 0));
            LoadResult load = result(offered, requests, c.lost, c.latencyFromMs, c.latencyToMs, false);
            LoadResult fresh = mixed() ? result(20, c.freshAnswered, c.freshLost, c.freshFromMs, c.freshToMs, true)
                    : null;
            LoadResult heavy = mixed() ? result(rates.get(step), Math.round(rates.get(step)), 0, 20, 40, false)
                    : null;
            ServerDeltas server = new ServerDeltas(Math.max(1, requests), c.cpu, c.alloc, 0, 0, 20, 0, 16, 0, 0,
                    workload.contains("close") ? requests : 0, 0, 100L << 20, 1.0, 0.01, 0, 0, 0, 0, -1, 0, 0, 0,
                    c.dbWaitMicros, 0, -1);
            TreeMap<Integer, CpuTicks> cpus = new TreeMap<>(Map.of(0, new CpuTicks(50, 0, 10, 40, 0, 0, 0, 0),
                    1, new CpuTicks(30, 0, 5, 65, 0, 0, 0, 0)));
            Interference interference = new Interference(c.disturbed ? 0.4 : 0.01, 0.01, 0, 0.5, 0.3,
                    Interference.NEITHER, !c.disturbed, 1, 0.002, new Interference.Ticks(cpus, 60, c.loadSideTicks,
                    0, 0, 0, c.databaseTicks, Interference.Ticks.NOT_READ));
            // As compare marks a window whose measured group got no answer at all.
            String error = requests == 0 ? "no response in the window (" + c.lost + " requests lost, 0 connects "
                    + "failed)" : null;
            return new Window(arm, mixed() ? Window.MIXED : Window.LADDER, round, step, offered,
                    mixed() ? rates.get(step) : 0, 500, load, heavy, fresh, server, interference, 1, error);
        }
    }

    /** One second of a group's load: {@code answered} responses spread over the latency range, {@code lost} lost. */
    static LoadResult result(double offered, long answered, long lost, double fromMs, double toMs, boolean close) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (long i = 0; i < answered; i++) {
            h.recordValue((long) ((fromMs + (toMs - fromMs) * i / Math.max(1, answered)) * 1e6));
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (double p : new double[] {50, 75, 90, 99, 99.9, 99.99}) {
            percentiles.put(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p),
                    h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p) / 1e6);
        }
        LatencyReport latency = new LatencyReport("intended send", h.getTotalCount(), h.getMinValue() / 1e6,
                h.getMean() / 1e6, h.getStdDeviation() / 1e6, h.getMaxValue() / 1e6, percentiles,
                HistogramCodec.encode(h));
        LoadConfig config = new LoadConfig("http://127.0.0.1:8080/plaintext", 16, 1, Duration.ofSeconds(1),
                Duration.ZERO, offered, close, 1, Duration.ofSeconds(2));
        return new LoadResult(LoadResult.TOOL, config, "open-loop", "2026-12-02T10:00:00Z", 1.0, false, answered,
                answered + lost, 0, answered, answered * 130, answered * 60, answered * 130.0, 0.3,
                new LoadResult.Connections(close ? answered : 16, 0), new LoadResult.Errors(0, 0, 0, lost, 0, 0),
                new LoadResult.StatusClasses(0, answered, 0, 0, 0, 0), latency, null, null, List.of());
    }

    /** Writes launch records as compare does: launches/<id>.json. */
    static void write(Path runDir, List<LaunchRecord> records) throws IOException {
        Path dir = runDir.resolve(CompareRun.LAUNCHES);
        Files.createDirectories(dir);
        for (LaunchRecord r : records) {
            CompareRun.JSON.writeValue(dir.resolve(r.id() + ".json").toFile(), r);
        }
    }

    /** A factor for launch {@code launch} (1..5): the same five, so that a test knows the spread it gets. */
    public static double noise(int launch, double spread) {
        double[] z = {0.0, -1.0, 1.0, -0.5, 0.5, 0.25, -0.25};
        return Math.exp(spread * z[(launch - 1) % z.length]);
    }
}
