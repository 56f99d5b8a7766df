package poolbench.report.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import poolbench.compare.plan.JvmSetting;
import poolbench.compare.record.RunRecord;
import poolbench.report.claims.Series;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Metric;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.RunSet;

/**
 * The heap × collector sweep as a table: virtual against virtual-pooled (and classic) at each heap and collector,
 * with full collections and StackChunk allocation, set beside Quarkus's figures that claim 8 is about.
 */
public final class SweepTable {

    /** Quarkus, "To Cache or Not to Cache Virtual Threads" (2026), ParallelGC, 8 cores, 10,000 connections. */
    static final String QUARKUS = "Quarkus (2026; Netty handing each request to a virtual thread that calls a 30 ms "
            + "backend through Apache HttpClient; 10,000 connections, 8 cores, ParallelGC): on 4 GB pooled virtual "
            + "threads 143,966 requests/s against 126,851 for a new one each (+13.5%); on 1 GB 71,252 against "
            + "108,272 (−34%), with 461 full GCs against 4.";

    private SweepTable() {
    }

    public static void render(Markdown md, RunSet runs) {
        List<RunRecord> swept = runs.swept().stream().filter(RunRecord::counted).toList();
        if (swept.isEmpty()) {
            return;
        }
        md.heading(2, "Heap × collector sweep");
        md.paragraph("Single runs at each heap and collector. Each cell is the median over repeats (min–max where "
                + "there are several); the ratio pairs repeat k with repeat k. Full GCs are the server's full collections "
                + "in the measured window (G1 Old Generation or PS MarkSweep); StackChunk bytes per request are JFR "
                + "allocation samples of jdk.internal.vm.StackChunk over the window. These runs are shown; the "
                + "pooled-virtual-threads claim is decided on the sweep's comparisons, at equal load.");
        List<List<String>> rows = new ArrayList<>();
        for (Series s : series(swept)) {
            for (int i = 0; i < s.heaps().size(); i++) {
                JvmSetting jvm = new JvmSetting(s.heaps().get(i), s.gc());
                List<RunRecord> here = swept.stream().filter(r -> r.jvm().equals(jvm)
                        && (r.workload() + " c" + r.connections()).equals(s.point())).toList();
                rows.add(List.of(s.point(), jvm.heap() + " " + jvm.gc(),
                        cell(here, KnownArms.VIRTUAL, Metric.REQUESTS_PER_SECOND::of, Numbers::human),
                        cell(here, KnownArms.VIRTUAL_POOLED, Metric.REQUESTS_PER_SECOND::of, Numbers::human),
                        Figure.of(s.ratios().get(i).stream().map(Figure.Repeat::value).toList()).range(Numbers::ratio),
                        cell(here, KnownArms.CLASSIC, Metric.REQUESTS_PER_SECOND::of, Numbers::human),
                        cell(here, KnownArms.VIRTUAL, r -> r.server().fullGcs(), Numbers::count) + " / "
                                + cell(here, KnownArms.VIRTUAL_POOLED, r -> r.server().fullGcs(), Numbers::count),
                        cell(here, KnownArms.VIRTUAL, r -> r.server().stackChunkBytesPerRequest(), Numbers::human)
                                + " / " + cell(here, KnownArms.VIRTUAL_POOLED,
                                r -> r.server().stackChunkBytesPerRequest(), Numbers::human)));
            }
        }
        md.table(List.of("point", "heap, collector", "virtual req/s", "virtual-pooled req/s", "pooled ÷ virtual",
                "classic req/s", "full GCs virtual / pooled", "StackChunk B/req virtual / pooled"), rows);
        md.paragraph(QUARKUS);
    }

    /** One swept point under one collector: virtual-pooled ÷ virtual requests/s at each heap, smallest first. */
    public record Series(String point, String gc, List<String> heaps, List<List<Figure.Repeat>> ratios) {
    }

    /** The swept points × collectors, heaps ordered by size. */
    static List<Series> series(List<RunRecord> swept) {
        List<Series> all = new ArrayList<>();
        List<String> points = swept.stream().map(SweepTable::point).distinct().sorted().toList();
        List<String> gcs = swept.stream().map(r -> r.jvm().gc()).distinct().sorted().toList();
        for (String point : points) {
            for (String gc : gcs) {
                List<String> heaps = swept.stream().filter(r -> point(r).equals(point) && r.jvm().gc().equals(gc))
                        .map(r -> r.jvm().heap()).distinct()
                        .sorted(Comparator.comparingLong(OperatingPoints::heapBytes)).toList();
                if (heaps.isEmpty()) {
                    continue;
                }
                List<List<Figure.Repeat>> ratios = new ArrayList<>();
                for (String heap : heaps) {
                    ratios.add(pairs(swept, point, new JvmSetting(heap, gc)));
                }
                all.add(new Series(point, gc, heaps, ratios));
            }
        }
        return all;
    }

    private static String point(RunRecord r) {
        return r.workload() + " c" + r.connections();
    }

    private static List<Figure.Repeat> pairs(List<RunRecord> swept, String point, JvmSetting jvm) {
        List<Figure.Repeat> ratios = new ArrayList<>();
        for (RunRecord pooled : of(swept, point, jvm, KnownArms.VIRTUAL_POOLED)) {
            of(swept, point, jvm, KnownArms.VIRTUAL).stream().filter(v -> v.repeat() == pooled.repeat()).findFirst()
                    .filter(v -> Metric.REQUESTS_PER_SECOND.comparable(pooled, v))
                    .ifPresent(v -> ratios.add(Figure.Repeat.ratio(pooled.connections(), pooled.repeat(),
                            Metric.REQUESTS_PER_SECOND.of(pooled), Metric.REQUESTS_PER_SECOND.of(v))));
        }
        return ratios;
    }

    private static List<RunRecord> of(List<RunRecord> swept, String point, JvmSetting jvm, String arm) {
        return swept.stream().filter(r -> r.arm().equals(arm) && r.jvm().equals(jvm) && point(r).equals(point))
                .sorted(Comparator.comparingInt(RunRecord::repeat)).toList();
    }

    private static String cell(List<RunRecord> runs, String arm, ToDoubleFunction<RunRecord> figure,
                               DoubleFunction<String> format) {
        List<Double> values = runs.stream().filter(r -> r.arm().equals(arm))
                .sorted(Comparator.comparingInt(RunRecord::repeat)).map(figure::applyAsDouble)
                .filter(v -> v >= 0).toList();
        return values.isEmpty() ? "–" : Figure.of(values).range(format);
    }
}
