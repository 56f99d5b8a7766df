package poolbench.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.CapacityPoint;
import poolbench.report.claims.ClaimResult;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Metric;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.WorkloadPoint;

/**
 * A suggested headline for the project README, printed at the end of {@code report}: the demonstrations and the
 * verdicts, then each arm's capacity on the two workloads the article's argument turns on (or, in runs written before
 * comparisons, requests/s). The lead decides whether to paste it.
 */
public final class HeadlineTable {

    private static final List<String> WORKLOADS = List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE);

    private HeadlineTable() {
    }

    public static String render(RunSet runs, List<ClaimResult> claims) {
        Markdown md = new Markdown();
        md.table(List.of("claim", "verdict (run " + runs.name() + ")", "measured"), claims.stream()
                .filter(c -> !c.demonstration()).map(HeadlineTable::row).toList());
        md.table(List.of("demonstration", "run " + runs.name(), "figures"), claims.stream()
                .filter(ClaimResult::demonstration).map(HeadlineTable::row).toList());
        capacities(md, runs);
        requestsPerSecond(md, runs);
        return md.toString();
    }

    private static List<String> row(ClaimResult c) {
        return List.of(c.number() + ". " + c.claim(), "**" + c.verdict().word() + "**", c.headline());
    }

    private static void capacities(Markdown md, RunSet runs) {
        List<ComparisonLaunches> compared = WORKLOADS.stream().flatMap(w -> runs.operatingPoints().of(w).stream())
                .toList();
        List<String> arms = compared.stream().flatMap(c -> c.arms().stream()).distinct()
                .sorted(KnownArms.COMPARATOR).toList();
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonLaunches c : compared) {
            List<String> row = new ArrayList<>(List.of(c.label()));
            for (String arm : arms) {
                Optional<CapacityPoint> p = c.capacity(arm);
                row.add(p.map(x -> x.measurable() ? Numbers.human(x.capacity()) : "not measurable").orElse("–"));
            }
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("capacity, req/s"));
            header.addAll(arms);
            md.table(header, rows);
        }
    }

    private static void requestsPerSecond(Markdown md, RunSet runs) {
        List<String> arms = runs.arms();
        List<List<String>> rows = new ArrayList<>();
        for (String w : WORKLOADS) {
            for (WorkloadPoint p : runs.points(w)) {
                List<String> row = new ArrayList<>(List.of(p.label()));
                arms.forEach(a -> row.add(runs.figure(p, a, Metric.REQUESTS_PER_SECOND).range(Numbers::human)));
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("requests/s"));
            header.addAll(arms);
            md.table(header, rows);
        }
    }
}
