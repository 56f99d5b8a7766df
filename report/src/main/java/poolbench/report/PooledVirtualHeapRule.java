package poolbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import poolbench.compare.JvmSetting;
import poolbench.compare.RunRecord;

/**
 * Claim 8, Quarkus's finding (2026): pooled virtual threads gain on a large heap (+13.5% on 4 GB) and lose on a
 * small one (−34% on 1 GB, with 461 full GCs against 4), because long-lived virtual threads' StackChunks are
 * promoted and then re-allocated on every park. Read from the heap × collector sweep: virtual-pooled ÷ virtual
 * requests/s, repeat k with repeat k, at the largest and the smallest heap of each collector, on each swept point.
 */
final class PooledVirtualHeapRule implements ClaimRule {

    /** Pays: at least 5% more (Quarkus: +13.5%). */
    static final double PAYS = 1.05;
    /** Hurts: at least 5% fewer (Quarkus: −34%). */
    static final double HURTS = 0.95;

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String claim() {
        return "Pooling virtual threads pays on a large heap and hurts on a small one.";
    }

    @Override
    public String rule() {
        return "From the heap × collector sweep: virtual-pooled ÷ virtual requests/s, repeat k paired with repeat k, "
                + "on each swept workload point and collector, at its largest and its smallest heap. Confirmed when "
                + "for some point and collector the ratio is ≥ " + Numbers.plain(PAYS) + " in every pair at the "
                + "largest heap and ≤ " + Numbers.plain(HURTS) + " in every pair at the smallest; refuted when for "
                + "every point and collector one of the two fails in every pair (< " + Numbers.plain(PAYS)
                + " at the largest, or > " + Numbers.plain(HURTS) + " at the smallest); otherwise, or with fewer "
                + "than two heaps swept, inconclusive. The ratio at every heap, and both arms' full collections and "
                + "StackChunk bytes per request in the window, are shown beside it and do not decide.";
    }

    /** One swept point under one collector: the ratios at each heap, smallest first. */
    record Series(String point, String gc, List<String> heaps, List<List<RepeatRatio>> ratios) {
        List<RepeatRatio> smallest() {
            return ratios.get(0);
        }

        List<RepeatRatio> largest() {
            return ratios.get(ratios.size() - 1);
        }
    }

    @Override
    public ClaimResult evaluate(RunSet runs) {
        List<RunRecord> swept = runs.swept().stream().filter(RunRecord::ok).toList();
        List<Series> series = series(swept);
        List<Evidence> evidence = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.heaps().size(); i++) {
                boolean decides = i == 0 || i == s.heaps().size() - 1;
                evidence.add(Evidence.ratios("virtual-pooled ÷ virtual requests/s, " + s.point() + ", "
                        + s.heaps().get(i) + " " + s.gc(), s.ratios().get(i), decides));
            }
        }
        evidence.addAll(context(swept));
        List<Series> usable = series.stream().filter(s -> s.heaps().size() >= 2
                && !s.smallest().isEmpty() && !s.largest().isEmpty()).toList();
        if (usable.isEmpty()) {
            return missing("no heap × collector sweep with virtual and virtual-pooled at two heaps or more "
                    + "(compare --suite full, or --heaps 256m,4g --arms virtual,virtual-pooled)", evidence, List.of(),
                    List.of());
        }
        List<String> confirming = new ArrayList<>();
        boolean everyFails = true;
        for (Series s : usable) {
            List<Double> large = s.largest().stream().map(RepeatRatio::ratio).toList();
            List<Double> small = s.smallest().stream().map(RepeatRatio::ratio).toList();
            Verdict pays = Verdict.everyValue(large, v -> v >= PAYS, v -> v < PAYS);
            Verdict hurts = Verdict.everyValue(small, v -> v <= HURTS, v -> v > HURTS);
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
            reason = "pays at the largest heap and hurts at the smallest in every pair of: "
                    + String.join("; ", confirming);
        } else if (everyFails) {
            verdict = Verdict.REFUTED;
            reason = "on every swept point and collector, pooling either does not pay at the largest heap or does "
                    + "not hurt at the smallest, in every pair";
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = "the pairs fall on both sides of " + Numbers.plain(PAYS) + " or " + Numbers.plain(HURTS);
        }
        return new ClaimResult(number(), claim(), rule(), verdict, reason, evidence, List.of(), List.of());
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
                List<List<RepeatRatio>> ratios = new ArrayList<>();
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

    private static List<RepeatRatio> pairs(List<RunRecord> swept, String point, JvmSetting jvm) {
        List<RepeatRatio> ratios = new ArrayList<>();
        for (RunRecord pooled : of(swept, point, jvm, KnownArms.VIRTUAL_POOLED)) {
            of(swept, point, jvm, KnownArms.VIRTUAL).stream().filter(v -> v.repeat() == pooled.repeat()).findFirst()
                    .ifPresent(v -> ratios.add(new RepeatRatio(pooled.connections(), pooled.repeat(),
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
    private static List<Evidence> context(List<RunRecord> swept) {
        List<Evidence> list = new ArrayList<>();
        List<String> keys = swept.stream().map(r -> r.workload() + " c" + r.connections() + ", "
                + r.jvm().heap() + " " + r.jvm().gc() + "|" + r.arm()).distinct().sorted().toList();
        for (String key : keys) {
            String where = key.substring(0, key.indexOf('|'));
            String arm = key.substring(key.indexOf('|') + 1);
            List<RunRecord> runs = swept.stream().filter(r -> r.arm().equals(arm) && (r.workload() + " c"
                    + r.connections() + ", " + r.jvm().heap() + " " + r.jvm().gc()).equals(where))
                    .sorted(Comparator.comparingInt(RunRecord::repeat)).toList();
            list.add(new Evidence(arm + " full GCs in the window, " + where, runs.stream()
                    .map(r -> new Measured(r.connections(), r.repeat(), r.server().fullGcs(),
                            Numbers.count(r.server().fullGcMillis()) + " ms")).toList(), Numbers::count, false));
            Optional<RunRecord> withChunks = runs.stream().filter(r -> r.server().stackChunkBytesPerRequest() >= 0)
                    .findFirst();
            if (withChunks.isPresent()) {
                list.add(new Evidence(arm + " StackChunk bytes per request, " + where, runs.stream()
                        .filter(r -> r.server().stackChunkBytesPerRequest() >= 0)
                        .map(r -> new Measured(r.connections(), r.repeat(), r.server().stackChunkBytesPerRequest(),
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
