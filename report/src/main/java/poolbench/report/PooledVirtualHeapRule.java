package poolbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import poolbench.compare.plan.JvmSetting;
import poolbench.compare.record.RunRecord;

/**
 * Claim 8, Quarkus's finding (2026): pooled virtual threads gain on a large heap (+13.5% on 4 GB) and lose on a
 * small one (−34% on 1 GB, with 461 full GCs against 4), because long-lived virtual threads' StackChunks are
 * promoted and then re-allocated on every park. Read from the heap × collector sweep: virtual-pooled ÷ virtual
 * requests/s, repeat k with repeat k, at the largest and the smallest heap of each collector, on each swept point.
 */
final class PooledVirtualHeapRule extends ClaimRule {

    /** Pays: at least 5% more (Quarkus: +13.5%). */
    static final Threshold PAYS = Threshold.atLeast(1.05);
    /** Hurts: at least 5% fewer (Quarkus: −34%). */
    static final Threshold HURTS = Threshold.atMost(0.95);

    PooledVirtualHeapRule() {
        super(8, "Pooling virtual threads pays on a large heap and hurts on a small one.");
    }

    @Override
    String rule() {
        return "From the heap × collector sweep: virtual-pooled ÷ virtual requests/s, repeat k paired with repeat k, "
                + "on each swept workload point and collector, at its largest and its smallest heap, each judged by "
                + "the 95% interval of the geometric mean of its pairs. Confirmed when for some point and collector "
                + "the interval is wholly " + PAYS.confirmText() + " at the largest heap and wholly "
                + HURTS.confirmText() + " at the smallest; refuted when for every point and collector one of the "
                + "two is wholly on the other side (" + PAYS.refuteText() + " at the largest, or "
                + HURTS.refuteText() + " at the smallest); otherwise, or with fewer than two heaps swept, "
                + "inconclusive. The ratio at every heap, and both arms' full collections and StackChunk bytes per "
                + "request in the window, are shown beside it and do not decide.";
    }

    /** One swept point under one collector: the ratios at each heap, smallest first. */
    record Series(String point, String gc, List<String> heaps, List<List<Figure.Repeat>> ratios) {
        List<Figure.Repeat> smallest() {
            return ratios.get(0);
        }

        List<Figure.Repeat> largest() {
            return ratios.get(ratios.size() - 1);
        }
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<RunRecord> swept = runs.swept().stream().filter(RunRecord::counted).toList();
        List<Series> series = series(swept);
        List<Figure> evidence = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.heaps().size(); i++) {
                boolean decides = i == 0 || i == s.heaps().size() - 1;
                evidence.add(Figure.ratios("virtual-pooled ÷ virtual requests/s, " + s.point() + ", "
                        + s.heaps().get(i) + " " + s.gc(), s.ratios().get(i), decides));
            }
        }
        evidence.addAll(context(swept));
        List<Series> usable = series.stream().filter(s -> s.heaps().size() >= 2
                && !s.smallest().isEmpty() && !s.largest().isEmpty()).toList();
        if (usable.isEmpty()) {
            return missing("no heap × collector sweep with virtual and virtual-pooled at two heaps or more "
                    + "(compare --suite full, or --heaps 256m,4g --arms virtual,virtual-pooled), counting only pairs "
                    + "without a client-bound run", evidence, List.of(),
                    List.of());
        }
        List<String> confirming = new ArrayList<>();
        boolean everyFails = true;
        for (Series s : usable) {
            Verdict pays = PAYS.verdict(Figure.ratios("", s.largest(), true), Per.PAIR);
            Verdict hurts = HURTS.verdict(Figure.ratios("", s.smallest(), true), Per.PAIR);
            if (pays == Verdict.CONFIRMED && hurts == Verdict.CONFIRMED) {
                confirming.add(s.point() + " " + s.gc());
            }
            if (!(pays == Verdict.REFUTED || hurts == Verdict.REFUTED)) {
                everyFails = false;
            }
        }
        Verdict verdict;
        String reason;
        if (!confirming.isEmpty()) {
            verdict = Verdict.CONFIRMED;
            reason = "the interval is wholly " + PAYS.confirmText() + " at the largest heap and wholly "
                    + HURTS.confirmText() + " at the smallest on: " + String.join("; ", confirming);
        } else if (everyFails) {
            verdict = Verdict.REFUTED;
            reason = "on every swept point and collector, the interval is wholly " + PAYS.refuteText()
                    + " at the largest heap or wholly " + HURTS.refuteText() + " at the smallest";
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = "an interval straddles " + PAYS.confirmText() + " or " + HURTS.confirmText();
        }
        return result(verdict, reason, evidence, List.of(), List.of());
    }

    /** The swept points × collectors, heaps ordered by size. */
    static List<Series> series(List<RunRecord> swept) {
        List<Series> all = new ArrayList<>();
        List<String> points = swept.stream().map(r -> r.workload() + " c" + r.connections()).distinct().sorted()
                .toList();
        List<String> gcs = swept.stream().map(r -> r.jvm().gc()).distinct().sorted().toList();
        for (String point : points) {
            for (String gc : gcs) {
                List<String> heaps = swept.stream().filter(r -> at(r, point, gc)).map(r -> r.jvm().heap()).distinct()
                        .sorted(Comparator.comparingLong(PooledVirtualHeapRule::bytes)).toList();
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

    private static boolean at(RunRecord r, String point, String gc) {
        return (r.workload() + " c" + r.connections()).equals(point) && r.jvm().gc().equals(gc);
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
        return swept.stream().filter(r -> r.arm().equals(arm) && r.jvm().equals(jvm)
                        && (r.workload() + " c" + r.connections()).equals(point))
                .sorted(Comparator.comparingInt(RunRecord::repeat)).toList();
    }

    /** Full collections and StackChunk bytes per request of each swept arm at each point and setting. */
    private static List<Figure> context(List<RunRecord> swept) {
        List<Figure> list = new ArrayList<>();
        List<String> keys = swept.stream().map(r -> r.workload() + " c" + r.connections() + ", "
                + r.jvm().heap() + " " + r.jvm().gc() + "|" + r.arm()).distinct().sorted().toList();
        for (String key : keys) {
            String where = key.substring(0, key.indexOf('|'));
            String arm = key.substring(key.indexOf('|') + 1);
            List<RunRecord> runs = swept.stream().filter(r -> r.arm().equals(arm) && (r.workload() + " c"
                    + r.connections() + ", " + r.jvm().heap() + " " + r.jvm().gc()).equals(where))
                    .sorted(Comparator.comparingInt(RunRecord::repeat)).toList();
            list.add(new Figure(arm + " full GCs in the window, " + where, runs.stream()
                    .map(r -> new Figure.Repeat(r.connections(), r.repeat(), r.server().fullGcs(),
                            Numbers.count(r.server().fullGcMillis()) + " ms")).toList(), Numbers::count, false));
            Optional<RunRecord> withChunks = runs.stream().filter(r -> r.server().stackChunkBytesPerRequest() >= 0)
                    .findFirst();
            if (withChunks.isPresent()) {
                list.add(new Figure(arm + " StackChunk bytes per request, " + where, runs.stream()
                        .filter(r -> r.server().stackChunkBytesPerRequest() >= 0)
                        .map(r -> new Figure.Repeat(r.connections(), r.repeat(), r.server().stackChunkBytesPerRequest(),
                                "JFR allocation samples")).toList(), Numbers::human, false));
            }
        }
        return list;
    }

    /** 256m → bytes, for ordering heaps. */
    static long bytes(String heap) {
        long n = Long.parseLong(heap.substring(0, heap.length() - 1));
        return heap.endsWith("g") ? n << 30 : n << 20;
    }
}
