package poolbench.report;

import java.util.List;

/** Every claim the reports rule on, in the order DESIGN.md lists them. */
final class Claims {

    static final List<ClaimRule> RULES = List.of(new ThroughputMultipleRule(), new BoundedParallelismRule(),
            new GcPressureRule(), new GrowAndReapRule(), new WorkerReuseRule(), new VirtualThreadsRule(),
            new GoComparisonRule(), new MixedLoadRule());

    private Claims() {
    }

    static List<ClaimResult> evaluate(RunSet runs) {
        return RULES.stream().map(rule -> rule.evaluate(runs)).toList();
    }
}
