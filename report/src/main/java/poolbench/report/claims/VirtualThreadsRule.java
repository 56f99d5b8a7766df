package poolbench.report.claims;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.report.run.KnownArms;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * The Java question: do virtual threads make the pool unnecessary? They do if a virtual thread per connection costs
 * about what the pool costs, in server CPU per request and in latency, at the same load, on every workload where the
 * pool was supposed to matter: keep-alive, a new connection per request, and a wait (a sleep) per request. The answer
 * may depend on the load, so every rate of the ladder has its own verdict.
 */
final class VirtualThreadsRule extends MeasuredRule {

    static final List<String> WORKLOADS = List.of(Workload.PLAINTEXT, Workload.PLAINTEXT_CLOSE, Workload.SLEEP);

    VirtualThreadsRule() {
        super("(the Java question) Virtual threads make the pool unnecessary.",
                "\"Unnecessary\" is virtual threads costing about what the pool costs at the same offered rate, in "
                        + "server CPU per request and in p99 latency, on keep-alive, Connection: close and a sleep "
                        + "per request.",
                decisions(), List.of());
    }

    private static List<Decision> decisions() {
        List<Decision> list = new ArrayList<>();
        for (String w : WORKLOADS) {
            list.add(new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.CPU_MICROS_PER_REQUEST,
                    Selection.of(w), new Judge.Beyond(Threshold.ABOUT_AS_EFFICIENT)));
            list.add(new Decision(KnownArms.VIRTUAL, KnownArms.CLASSIC, StepMetric.P99_MS, Selection.of(w),
                    new Judge.Beyond(Threshold.ABOUT_AS_PROMPT)));
        }
        return list;
    }

    @Override
    List<String> notes(RunSet runs, List<Series> series) {
        List<String> notes = new ArrayList<>();
        for (String w : WORKLOADS) {
            notes.addAll(capacityNotes(runs.operatingPoints(), w, KnownArms.VIRTUAL, KnownArms.CLASSIC));
        }
        return notes;
    }
}
