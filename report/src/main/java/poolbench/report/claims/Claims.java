package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.report.run.RunSet;

/**
 * Every claim the reports rule on, in the article's order: its five, the Java question, its own Go comparison, then
 * pooled virtual threads by heap, the database, and light requests under mixed CPU load. A claim's number is its
 * place here and nothing else; a new claim is one {@link ClaimRule} subclass and one entry.
 */
public final class Claims {

    public static final List<ClaimRule> RULES = List.of(
            new PoolEfficiencyRule(),
            new BoundedParallelismRule(),
            new GcPressureRule(),
            new GrowAndReapRule(),
            new WorkerReuseRule(),
            new VirtualThreadsRule(),
            new GoComparisonRule(),
            new PooledVirtualHeapRule(),
            new DatabasePoolRule(),
            new MixedLoadRule());

    private Claims() {
    }

    /** The claim's number: its place in {@link #RULES}, from 1. */
    public static int number(ClaimRule rule) {
        int i = RULES.indexOf(rule);
        if (i < 0) {
            throw new IllegalArgumentException(rule.getClass().getSimpleName() + " is not in Claims.RULES");
        }
        return i + 1;
    }

    public static List<ClaimResult> evaluate(RunSet runs) {
        List<ClaimResult> results = new ArrayList<>();
        for (int i = 0; i < RULES.size(); i++) {
            results.add(RULES.get(i).evaluate(runs).numbered(i + 1));
        }
        return results;
    }
}
