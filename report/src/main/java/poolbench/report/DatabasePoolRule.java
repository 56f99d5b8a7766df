package poolbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * Claim 9: with a real database the connection pool, not the thread model, bounds throughput. On {@code db}
 * (TechEmpower's single query through a HikariCP pool) the arms should then serve about as many requests as one
 * another — within the noise of a run — and much of each request's time should be the wait for a pooled
 * connection, which HikariCP's metrics hook measures.
 */
final class DatabasePoolRule extends ClaimRule {

    /** The arms differ by less than the noise: fastest ÷ slowest below this (the ±10% that repeats move by). */
    static final Threshold WITHIN_NOISE = Threshold.below(1.10);
    /** The pool bounds the run: at least this share (in %) of the mean latency is spent waiting for a connection. */
    static final Threshold POOL_BOUND = Threshold.atLeast(25);

    static final List<String> ARMS = List.of(KnownArms.CLASSIC, KnownArms.JDK_POOL, KnownArms.PER_CONNECTION,
            KnownArms.VIRTUAL, KnownArms.VIRTUAL_POOLED);

    DatabasePoolRule() {
        super(9, "With a real database the connection pool, not the thread model, bounds throughput.");
    }

    @Override
    String rule() {
        return "On db, per connection count and repeat k: the fastest ÷ the slowest poolbench arm's requests/s over "
                + "the arms that ran it in that repeat; and per run, the pool's wait (HikariCP's acquire time per "
                + "request) as a % of the mean latency. Confirmed when fastest ÷ slowest is " + WITHIN_NOISE.confirmText()
                + " in every repeat and the pool wait is " + POOL_BOUND.confirmText() + "% of the mean latency in "
                + "every run; refuted when fastest ÷ slowest is " + WITHIN_NOISE.refuteText() + " in every repeat "
                + "(the thread model matters beyond the noise); otherwise, or with fewer than two arms on db, "
                + "inconclusive. Each arm's pool wait per request and its share of the latency are shown.";
    }

    @Override
    ClaimResult evaluate(RunSet runs) {
        List<WorkloadPoint> points = runs.points(Workload.DB);
        List<Figure.Repeat> spreads = new ArrayList<>();
        List<Figure> context = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (WorkloadPoint p : points) {
            int repeats = runs.records(p).stream().mapToInt(RunRecord::repeat).max().orElse(0);
            for (int k = 1; k <= repeats; k++) {
                List<RunRecord> inRepeat = new ArrayList<>();
                for (String arm : ARMS) {
                    runs.ok(p, arm, k).ifPresent(inRepeat::add);
                }
                if (inRepeat.size() < 2) {
                    continue;
                }
                RunRecord fastest = inRepeat.stream().max((a, b) -> Double.compare(rps(a), rps(b))).orElseThrow();
                RunRecord slowest = inRepeat.stream().min((a, b) -> Double.compare(rps(a), rps(b))).orElseThrow();
                spreads.add(new Figure.Repeat(p.connections(), k, rps(fastest) / rps(slowest), fastest.arm() + " "
                        + Numbers.human(rps(fastest)) + " ÷ " + slowest.arm() + " " + Numbers.human(rps(slowest))));
            }
            for (String arm : ARMS) {
                List<RunRecord> ok = runs.ok(p, arm);
                if (ok.isEmpty()) {
                    continue;
                }
                List<Figure.Repeat> wait = new ArrayList<>();
                List<Figure.Repeat> share = new ArrayList<>();
                for (RunRecord r : ok) {
                    double waitMs = r.server().dbWaitMicrosPerRequest() / 1_000.0;
                    double s = poolShare(r).orElse(Double.NaN);
                    shares.add(s * 100);
                    wait.add(new Figure.Repeat(r.connections(), r.repeat(), waitMs, "pool of " + r.server().dbPoolSize()));
                    share.add(new Figure.Repeat(r.connections(), r.repeat(), s * 100, Numbers.human(waitMs) + " ms of "
                            + Numbers.human(r.load().latency().meanMs()) + " ms"));
                }
                context.add(new Figure(arm + " pool wait ms per request, db c" + p.connections(), wait,
                        Numbers::human, false));
                context.add(new Figure(arm + " pool wait, % of mean latency, db c" + p.connections(), share,
                        Numbers::human, true));
            }
        }
        List<Figure> evidence = new ArrayList<>();
        Figure spread = new Figure("fastest ÷ slowest arm requests/s, db", spreads, Numbers::ratio, true);
        evidence.add(spread);
        evidence.addAll(context);
        if (spreads.isEmpty()) {
            return missing("no repeat of db with two arms or more (PostgreSQL may have been skipped; see "
                    + "environment.json's skipped)", evidence, List.of(), List.of());
        }
        Verdict arms = WITHIN_NOISE.verdict(spread, Per.REPEAT);
        Verdict pool = POOL_BOUND.verdict(Figure.of(shares), Per.REPEAT);
        if (arms == Verdict.REFUTED) {
            return result(Verdict.REFUTED, "fastest ÷ slowest " + WITHIN_NOISE.refuteText() + " in every repeat",
                    evidence, List.of(), List.of());
        }
        if (arms == Verdict.CONFIRMED && pool == Verdict.CONFIRMED) {
            return result(Verdict.CONFIRMED, "fastest ÷ slowest " + WITHIN_NOISE.confirmText() + " in every repeat "
                    + "and the pool wait " + POOL_BOUND.confirmText() + "% of the latency in every run", evidence,
                    List.of(), List.of());
        }
        String reason = arms == Verdict.CONFIRMED
                ? "fastest ÷ slowest " + WITHIN_NOISE.confirmText() + " in every repeat, but the pool wait is not "
                        + POOL_BOUND.confirmText() + "% of the latency in every run"
                : "fastest ÷ slowest falls on both sides of " + WITHIN_NOISE.confirmText();
        return result(Verdict.INCONCLUSIVE, reason, evidence, List.of(), List.of());
    }

    private static double rps(RunRecord r) {
        return Metric.REQUESTS_PER_SECOND.of(r);
    }

    /** The pool's wait per request ÷ the mean latency, when both are known. */
    static Optional<Double> poolShare(RunRecord r) {
        double mean = r.load().latency().meanMs();
        if (!(mean > 0) || r.server().dbPoolSize() <= 0) {
            return Optional.empty();
        }
        return Optional.of(r.server().dbWaitMicrosPerRequest() / 1_000.0 / mean);
    }
}
