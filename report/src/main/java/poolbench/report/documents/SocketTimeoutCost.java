package poolbench.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import poolbench.compare.plan.Workload;
import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * What a per-read socket timeout costs each model, read from cost at equal load: the
 * {@code plaintext-socket-timeouts} comparison (keep-alive /plaintext served with {@code --timeouts socket}) beside
 * the {@code plaintext} comparison (the default: untimed reads, one deadline sweeper) at the same connection count,
 * step by step (each step the same share of its comparison's weakest arm's capacity). A virtual thread's timed read
 * parks with a timeout, arming and cancelling a timer on every read; a platform thread's is a poll() and a read. The
 * two comparisons ran at different times, so the arms are compared within each (virtual ÷ classic, launch by launch)
 * and those ratios are set side by side.
 */
final class SocketTimeoutCost {

    static final String TITLE = "What a per-read socket timeout costs each model";

    private SocketTimeoutCost() {
    }

    static void render(Markdown md, RunSet runs) {
        md.heading(3, TITLE);
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonLaunches socket : runs.operatingPoints().of(Workload.PLAINTEXT_SOCKET_TIMEOUTS)) {
            Optional<ComparisonLaunches> untimed = runs.operatingPoints().of(Workload.PLAINTEXT,
                    socket.connections());
            if (untimed.isEmpty() || !both(socket) || !both(untimed.get())) {
                continue;
            }
            int steps = Math.min(socket.steps(), untimed.get().steps());
            for (int step = 0; step < steps; step++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(socket.connections()),
                        untimed.get().point(step).shortText() + " / " + socket.point(step).shortText(),
                        ratio(untimed.get(), step), ratio(socket, step)));
                for (String arm : List.of(KnownArms.CLASSIC, KnownArms.VIRTUAL)) {
                    row.add(median(untimed.get(), arm, step) + " → " + median(socket, arm, step));
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            md.paragraph("Needs the " + Markdown.code(Workload.PLAINTEXT_SOCKET_TIMEOUTS) + " comparison beside "
                    + Markdown.code(Workload.PLAINTEXT) + "'s at the same connection count, both with classic and "
                    + "virtual (the full suite runs both).");
            return;
        }
        md.paragraph("Server CPU per request at the same step of each comparison's ladder (the same share of its "
                + "weakest arm's capacity): virtual ÷ classic within each comparison, launch by launch, with its 95% "
                + "interval over launches; then each arm's CPU µs per request from untimed reads to socket timeouts "
                + "(medians over launches). A virtual ÷ classic ratio that rises with socket timeouts is what the "
                + "timed read costs virtual threads beyond platform threads.");
        md.table(List.of("connections", "offered rate: untimed / socket timeouts", "virtual ÷ classic CPU/request, "
                + "untimed reads", "virtual ÷ classic, --timeouts socket", "classic CPU µs/request",
                "virtual CPU µs/request"), rows);
    }

    private static boolean both(ComparisonLaunches c) {
        return c.has(KnownArms.CLASSIC) && c.has(KnownArms.VIRTUAL);
    }

    private static String ratio(ComparisonLaunches c, int step) {
        return c.ratio(KnownArms.VIRTUAL, KnownArms.CLASSIC, step, StepMetric.CPU_MICROS_PER_REQUEST).summary();
    }

    private static String median(ComparisonLaunches c, String arm, int step) {
        List<Double> values = c.at(arm, step).stream().mapToDouble(ArmStep::cpuMicrosPerRequest)
                .filter(Double::isFinite).boxed().toList();
        return values.isEmpty() ? "–" : Numbers.human(Figure.median(values));
    }
}
