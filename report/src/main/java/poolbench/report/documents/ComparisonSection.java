package poolbench.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.report.charts.ChartFiles;
import poolbench.report.charts.ChartSet;
import poolbench.report.run.ArmStep;
import poolbench.report.run.ComparisonLaunches;
import poolbench.report.run.Figure;
import poolbench.report.run.LoadGroup;
import poolbench.report.run.Numbers;
import poolbench.report.run.OperatingPoint;
import poolbench.report.run.OperatingPoints;
import poolbench.report.run.RunSet;
import poolbench.report.run.StepMetric;

/**
 * The run README's section on the comparisons: for each, its arms, quota, ladder and launches, every arm's capacity
 * search, every arm's figures at every step (the median over launches, with their range, and how many launches
 * sustained the step), the A/A interval at every step, and the charts against the offered rate.
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    static void render(Markdown md, RunSet runs, ChartSet charts) {
        OperatingPoints points = runs.operatingPoints();
        if (points.isEmpty() && points.unreadable().isEmpty()) {
            return;
        }
        md.heading(2, "Comparisons: cost at equal load");
        md.paragraph("Each comparison's arms ran at once, each in its own server JVM under the same CPU quota, and "
                + "took the same offered rates open-loop (latency from the intended send time) in short windows, in a new "
                + "random order each round, for several launches (a new JVM each). Capacity is the highest rate an "
                + "arm sustained in the first launch's search; the ladder's rates are shares of the weakest arm's "
                + "capacity. A cell is the median over launches of each launch's figure at that step (its total "
                + "over the step's counted windows; latency from their histograms merged), with the range over "
                + "launches; \"sustained\" counts the launches whose every counted window held the rate. Files: "
                + Markdown.code(OperatingPoints.DIRECTORY + "/<comparison>-l<n>.json") + ".");
        points.unreadable().forEach(u -> md.bullet("not read: " + u));
        for (ComparisonLaunches c : points.all()) {
            comparison(md, c, charts);
        }
    }

    private static void comparison(Markdown md, ComparisonLaunches c, ChartSet charts) {
        md.heading(3, c.label());
        List<LaunchRecord> failed = c.failed();
        md.paragraph("Arms " + String.join(", ", c.arms().stream().map(Markdown::code).toList()) + "; "
                + c.launches().size() + (c.launches().size() == 1 ? " launch" : " launches")
                + (failed.isEmpty() ? "" : " (" + failed.size() + " ended early: " + String.join("; ", failed.stream()
                .map(l -> "launch " + l.launch() + ": " + l.error()).toList()) + ")")
                + "; CPU quota per server " + (c.quota() == null ? "unknown" : c.quota().describe())
                + (c.mixed() ? "" : "; ladder " + c.launches().get(0).ladderBasis()) + ".");
        if (!c.capacities().isEmpty()) {
            md.table(List.of("arm", "capacity (req/s)", "load CPUs busy at it", "measurable", "why"),
                    c.capacities().stream().map(ComparisonSection::capacityRow).toList());
        }
        if (c.steps() == 0) {
            md.paragraph("No ladder: " + (c.launches().get(0).error() == null ? "no step was measured"
                    : c.launches().get(0).error()) + ".");
            return;
        }
        md.table(c.mixed() ? MIXED_HEADER : LADDER_HEADER, rows(c));
        if (c.hasAa()) {
            for (OperatingPoint p : c.points()) {
                StepMetric m = c.mixed() ? StepMetric.LIGHT_P99_MS : StepMetric.CPU_MICROS_PER_REQUEST;
                md.bullet("A/A " + p.shortText() + ": classic-aa ÷ classic " + m.words() + " "
                        + c.aa(p.step(), m).summary() + (c.mixed() ? "" : "; p99 " + c.aa(p.step(),
                        StepMetric.P99_MS).summary()) + ".");
            }
        }
        for (String chart : List.of(ChartFiles.latencyVsRate(c.id()), ChartFiles.cpuVsRate(c.id()))) {
            charts.find(chart).ifPresent(d -> {
                md.paragraph("**" + d.title() + ".** " + d.caption());
                md.image(d.title(), d.file());
            });
        }
    }

    private static List<String> capacityRow(CapacityPoint p) {
        return List.of(p.arm(), Numbers.human(p.capacity()) + (p.ceilingReached() ? " or more" : ""),
                Numbers.percent(p.loadCpuUtilization()), p.measurable() ? "yes" : "no", p.note());
    }

    private static final List<String> LADDER_HEADER = List.of("step", "arm", "sustained", "achieved req/s",
            "CPU µs/request", "alloc B/request", "voluntary cs/request", "involuntary cs/request", "p50 ms", "p99 ms");
    private static final List<String> MIXED_HEADER = List.of("heavy share", "arm", "launches", "light p50 ms",
            "light p99 ms", "light unanswered", "new-connection p50 ms", "new-connection p99 ms",
            "new connections unanswered", "heavy req/s answered");

    private static List<List<String>> rows(ComparisonLaunches c) {
        List<List<String>> rows = new ArrayList<>();
        for (OperatingPoint p : c.points()) {
            for (String arm : c.arms()) {
                List<ArmStep> steps = c.at(arm, p.step());
                long sustained = steps.stream().filter(ArmStep::sustained).count();
                List<String> row = new ArrayList<>(List.of(p.shortText(), arm, sustained + " of " + steps.size()));
                if (c.mixed()) {
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.MEASURED, 50), Numbers::human));
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.MEASURED, 99), Numbers::human));
                    row.add(cell(steps, s -> s.unansweredShare(LoadGroup.MEASURED), Numbers::percent));
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.FRESH, 50), Numbers::human));
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.FRESH, 99), Numbers::human));
                    row.add(cell(steps, s -> s.unansweredShare(LoadGroup.FRESH), Numbers::percent));
                    row.add(cell(steps, s -> s.achievedRate(LoadGroup.HEAVY), Numbers::human));
                } else {
                    row.add(cell(steps, s -> s.sustained() ? s.achievedRate(LoadGroup.MEASURED) : Double.NaN,
                            Numbers::human));
                    row.add(cell(steps, ArmStep::cpuMicrosPerRequest, Numbers::human));
                    row.add(cell(steps, ArmStep::allocBytesPerRequest, Numbers::human));
                    row.add(cell(steps, ArmStep::voluntaryContextSwitchesPerRequest, Numbers::human));
                    row.add(cell(steps, ArmStep::involuntaryContextSwitchesPerRequest, Numbers::human));
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.MEASURED, 50), Numbers::human));
                    row.add(cell(steps, s -> s.percentileMs(LoadGroup.MEASURED, 99), Numbers::human));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The median over launches with the range, or "–" where no launch has the figure. */
    private static String cell(List<ArmStep> steps, ToDoubleFunction<ArmStep> figure,
                               DoubleFunction<String> format) {
        return Figure.of(steps.stream().mapToDouble(figure).filter(Double::isFinite).boxed().toList()).range(format);
    }
}
