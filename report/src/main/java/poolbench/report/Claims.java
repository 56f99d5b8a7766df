package poolbench.report;

import java.util.List;

/**
 * Every claim the reports rule on, in the order the README's results table (and the article's argument) lists them:
 * the article's five, the Java question, the article's own Go comparison, then light requests under mixed CPU load
 * (10). A new claim is one {@link ClaimRule} subclass and one entry here.
 */
final class Claims {

    static final List<ClaimRule> RULES = List.of(
            new ThroughputMultipleRule(),
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

    static List<ClaimResult> evaluate(RunSet runs) {
        return RULES.stream().map(rule -> rule.evaluate(runs)).toList();
    }
}
