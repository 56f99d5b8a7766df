package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;

/**
 * A suggested headline for the project README, printed at the end of {@code report}: the verdicts, and requests/s
 * per arm on the two workloads the article's argument turns on. The lead decides whether to paste it.
 */
final class HeadlineTable {

    private HeadlineTable() {
    }

    static String render(RunSet runs, List<ClaimResult> claims) {
        Markdown md = new Markdown();
        md.table(List.of("claim", "verdict (run " + runs.name() + ")", "measured"), claims.stream().map(c -> List.of(
                c.number() + ". " + c.claim(), "**" + c.verdict().word() + "**", c.headline())).toList());
        List<String> arms = runs.arms();
        List<List<String>> rows = new ArrayList<>();
        for (String w : List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE)) {
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
        return md.toString();
    }
}
