package poolbench.report;

import java.util.ArrayList;
import java.util.List;

import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * What a per-read socket timeout costs each model: {@code plaintext-socket-timeouts} (keep-alive /plaintext served
 * with {@code --timeouts socket}) against {@code plaintext} (the default: untimed reads, one deadline sweeper), arm
 * by arm, repeat k against repeat k at the same connection count. A virtual thread's timed read parks with a
 * timeout, arming and cancelling a timer on every read; a platform thread's is a poll() and a read. Reference
 * servers do not run the ablation.
 */
final class SocketTimeoutCost {

    static final String TITLE = "What a per-read socket timeout costs each model";

    private static final List<Metric> ALSO = List.of(Metric.ALLOC_BYTES_PER_REQUEST, Metric.CPU_MICROS_PER_REQUEST,
            Metric.VOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST);

    private SocketTimeoutCost() {
    }

    static void render(Markdown md, RunSet runs) {
        md.heading(3, TITLE);
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadPoint socket : runs.points(Workload.PLAINTEXT_SOCKET_TIMEOUTS)) {
            WorkloadPoint untimed = new WorkloadPoint(Workload.PLAINTEXT, socket.connections());
            for (String arm : runs.arms(socket)) {
                List<Double> ratios = ratios(runs, untimed, socket, arm, Metric.REQUESTS_PER_SECOND);
                if (ratios.isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(arm, Integer.toString(socket.connections()),
                        runs.figure(untimed, arm, Metric.REQUESTS_PER_SECOND).range(Numbers::human),
                        runs.figure(socket, arm, Metric.REQUESTS_PER_SECOND).range(Numbers::human),
                        Figure.of(ratios).range(Numbers::ratio)));
                for (Metric m : ALSO) {
                    row.add(runs.figure(untimed, arm, m).range(m::format) + " → "
                            + runs.figure(socket, arm, m).range(m::format));
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            md.paragraph("Needs " + Markdown.code(Workload.PLAINTEXT_SOCKET_TIMEOUTS) + " and "
                    + Markdown.code(Workload.PLAINTEXT) + " on the same arms (the quick and full suites run both).");
            return;
        }
        md.paragraph("Requests/s with a socket timeout on every read ÷ without (the default), median of the "
                + "per-repeat ratios with their range; below 1 is what the timed read costs. The other columns go "
                + "from the default to the ablation.");
        List<String> header = new ArrayList<>(List.of("arm", "connections", "requests/s, untimed reads",
                "requests/s, --timeouts socket", "socket ÷ untimed"));
        ALSO.forEach(m -> header.add(m.heading()));
        md.table(header, rows);
    }

    /** {@code metric} of the ablation ÷ of the default, repeat k with repeat k. */
    private static List<Double> ratios(RunSet runs, WorkloadPoint untimed, WorkloadPoint socket, String arm,
                                       Metric metric) {
        List<Double> ratios = new ArrayList<>();
        for (RunRecord s : runs.ok(socket, arm)) {
            runs.ok(untimed, arm, s.repeat()).ifPresent(u -> ratios.add(metric.of(s) / metric.of(u)));
        }
        return ratios;
    }
}
