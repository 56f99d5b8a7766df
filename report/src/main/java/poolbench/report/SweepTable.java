package poolbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import poolbench.compare.plan.JvmSetting;
import poolbench.compare.record.RunRecord;

/**
 * The heap × collector sweep as a table: virtual against virtual-pooled (and classic) at each heap and collector,
 * with full collections and StackChunk allocation, set beside Quarkus's figures that claim 8 is about.
 */
final class SweepTable {

    /** Quarkus, "To Cache or Not to Cache Virtual Threads" (2026), ParallelGC, 8 cores, 10,000 connections. */
    static final String QUARKUS = "Quarkus (2026; Netty handing each request to a virtual thread that calls a 30 ms "
            + "backend through Apache HttpClient; 10,000 connections, 8 cores, ParallelGC): on 4 GB pooled virtual "
            + "threads 143,966 requests/s against 126,851 for a new one each (+13.5%); on 1 GB 71,252 against "
            + "108,272 (−34%), with 461 full GCs against 4.";

    private SweepTable() {
    }

    static void render(Markdown md, RunSet runs) {
        List<RunRecord> swept = runs.swept().stream().filter(RunRecord::counted).toList();
        if (swept.isEmpty()) {
            return;
        }
        md.heading(2, "Heap × collector sweep");
        md.paragraph("Each cell is the median over repeats (min–max where there are several); the ratio pairs repeat k "
                + "with repeat k. Full GCs are the server's full collections in the measured window (G1 Old "
                + "Generation or PS MarkSweep); StackChunk bytes per request are JFR allocation samples of "
                + "jdk.internal.vm.StackChunk over the window. Claim 8's verdict is computed from these runs.");
        List<List<String>> rows = new ArrayList<>();
        for (PooledVirtualHeapRule.Series s : PooledVirtualHeapRule.series(swept)) {
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

    private static String cell(List<RunRecord> runs, String arm, ToDoubleFunction<RunRecord> figure,
                               java.util.function.DoubleFunction<String> format) {
        List<Double> values = runs.stream().filter(r -> r.arm().equals(arm))
                .sorted(Comparator.comparingInt(RunRecord::repeat)).map(figure::applyAsDouble)
                .filter(v -> v >= 0).toList();
        return values.isEmpty() ? "–" : Figure.of(values).range(format);
    }
}
