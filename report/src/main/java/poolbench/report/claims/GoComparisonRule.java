package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * The article's own comparison, fasthttp against net/http, measured at the same operating points as the Java arms
 * (the full suite puts the Go originals in the plaintext-close comparison), and whether Java's thread per connection
 * against its pool gives the same answer at each of them.
 */
final class GoComparisonRule extends MeasuredRule {

    static final Decision DECIDES = new Decision(KnownArms.GO_NETHTTP, KnownArms.GO_FASTHTTP,
            StepMetric.CPU_MICROS_PER_REQUEST, Selection.of(Workload.PLAINTEXT_CLOSE),
            new Judge.Beyond(Threshold.MANY_TIMES));

    GoComparisonRule() {
        super("(the article's own comparison) fasthttp's worker pool makes it many times more efficient than "
                        + "net/http's goroutine per connection.",
                "More efficient is less server CPU per request at the same offered rate (the Go process's own CPU "
                        + "time), on Connection: close, asked of the Go originals as of the Java arms.",
                List.of(DECIDES), List.of(DECIDES.of(KnownArms.PER_CONNECTION, KnownArms.CLASSIC)));
    }

    /** The comparison lacks the Go arms when Go was not installed: environment.json says so. */
    @Override
    String missing(RunSet runs, Decision d) {
        String skipped = skipped(runs, l -> l.contains("Go "));
        return d.missing(runs.operatingPoints()) + (skipped.isEmpty() ? " (compare's full suite adds "
                + KnownArms.GO_FASTHTTP + " and " + KnownArms.GO_NETHTTP + " where Go is installed)" : skipped);
    }

    /** At each step, Java's answer beside Go's: the same side of "many times" or not. */
    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        Decision java = DECIDES.of(KnownArms.PER_CONNECTION, KnownArms.CLASSIC);
        for (Series go : series) {
            List<Series> javaSeries = java.evaluate(runs.operatingPoints()).stream()
                    .filter(s -> s.comparison().id().equals(go.comparison().id())).toList();
            if (javaSeries.isEmpty()) {
                continue;
            }
            for (int i = 0; i < go.points().size(); i++) {
                PointVerdict g = go.points().get(i);
                PointVerdict j = javaSeries.get(0).points().get(i);
                notes.add(g.point().text() + ": Go " + Numbers.ratio(g.geometricMean()) + " (" + g.verdict().word()
                        + "), Java " + Numbers.ratio(j.geometricMean()) + " (" + j.verdict().word() + ") — "
                        + (g.verdict() == j.verdict() ? "the same answer" : "a different answer") + ".");
            }
        }
        return notes;
    }
}
