package poolbench.report.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import poolbench.compare.machine.Interference;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;
import poolbench.compare.record.Window;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.Numbers;
import poolbench.report.run.RunSet;

/**
 * What the machine did to a run, from every window's own accounting: how many windows and probes were disturbed,
 * and the steal and the others' share they saw. A reader judging a published run needs the machine's steal beside
 * its figures, not only the gate's threshold.
 */
final class InterferenceSummary {

    private InterferenceSummary() {
    }

    /** "95 windows, probes and runs: 46 disturbed ...; steal ... median 0%, worst 36% ...", or empty if none read. */
    static Optional<String> describe(RunSet runs) {
        List<Interference> seen = new ArrayList<>();
        for (ComparisonLaunches c : runs.operatingPoints().all()) {
            for (LaunchRecord l : c.launches()) {
                l.windows().stream().map(Window::interference).forEach(seen::add);
                for (CapacityPoint p : l.capacities()) {
                    p.probes().stream().map(Window::interference).forEach(seen::add);
                }
            }
        }
        runs.all().stream().map(RunRecord::interference).forEach(seen::add);
        seen.removeIf(i -> i == null);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        long disturbed = seen.stream().filter(i -> !i.clean()).count();
        List<Double> steal = seen.stream().map(Interference::stealShare).toList();
        List<Double> others = seen.stream().map(Interference::serverCpusOthersShare).toList();
        return Optional.of(String.format(Locale.ROOT, "%d windows, probes and runs: %d disturbed (measured "
                        + "again or left out; none is in a figure); steal on the worse CPU median %s, worst %s; others "
                        + "on the server CPUs median %s, worst %s",
                seen.size(), disturbed, Numbers.percent(Figure.median(steal)), Numbers.percent(Collections.max(steal)),
                Numbers.percent(Figure.median(others)), Numbers.percent(Collections.max(others))));
    }
}
