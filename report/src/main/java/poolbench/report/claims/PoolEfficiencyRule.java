package poolbench.report.claims;

import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.report.run.KnownArms;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * A worker pool makes the server many times more efficient than a thread per connection. "More efficient" is less
 * server CPU per request at the same load, so the question is a thread per connection's CPU per request over the
 * pool's, at every rate of the ladder. Decided on {@code Connection: close}, where every request is a new connection
 * and so, without a pool, a new thread; on keep-alive a connection's thread is started once and then reused by every
 * arm, so that ratio is shown beside it.
 */
final class PoolEfficiencyRule extends MeasuredRule {

    static final Decision DECIDES = new Decision(KnownArms.PER_CONNECTION, KnownArms.CLASSIC,
            StepMetric.CPU_MICROS_PER_REQUEST, Selection.of(Workload.PLAINTEXT_CLOSE),
            new Judge.Beyond(Threshold.MANY_TIMES));

    PoolEfficiencyRule() {
        super("A worker pool makes the server many times more efficient than a thread per connection.",
                "\"More efficient\" is less server CPU per request at the same offered rate (the server process's "
                        + "own CPU time over the counted windows ÷ the requests it served), on Connection: close, "
                        + "where without a pool every request starts a thread.",
                List.of(DECIDES),
                List.of(DECIDES.withSelection(Selection.of(Workload.PLAINTEXT))));
    }

    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        return capacityNotes(runs.operatingPoints(), Workload.PLAINTEXT_CLOSE, KnownArms.CLASSIC,
                KnownArms.PER_CONNECTION);
    }
}
