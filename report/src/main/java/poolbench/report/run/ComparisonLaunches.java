package poolbench.report.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import poolbench.compare.machine.CpuQuota;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.Window;

/**
 * Every launch of one comparison ({@code launches/<comparison>-l<n>.json}): its arms, its ladder (set in the first
 * launch from the weakest arm's capacity, kept by the later ones), the capacities searched in the first launch, and
 * each arm's figures at each step of each launch ({@link ArmStep}). What the claims read, and the one place that
 * knows how a launch record is laid out.
 */
public final class ComparisonLaunches {

    private final List<LaunchRecord> launches;
    private final LaunchRecord first;

    ComparisonLaunches(List<LaunchRecord> launches) {
        if (launches.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one launch record");
        }
        this.launches = launches.stream().sorted(Comparator.comparingInt(LaunchRecord::launch)).toList();
        // The ladder and the capacities come from the first launch that searched (normally launch 1).
        this.first = this.launches.stream().filter(l -> l.ladder() != null && !l.ladder().isEmpty()).findFirst()
                .orElse(this.launches.get(0));
    }

    public String id() {
        return first.comparison();
    }

    public String workload() {
        return first.workload();
    }

    public int connections() {
        return first.connections();
    }

    public JvmSetting jvm() {
        return new JvmSetting(first.heap(), first.gc());
    }

    /** "plaintext-close, 64 connections", with the heap and collector when they are not the default. */
    public String label() {
        JvmSetting jvm = jvm();
        return new WorkloadPoint(workload(), connections()).label() + (jvm.isDefault() ? ""
                : ", " + jvm.heap() + " " + jvm.gc());
    }

    public CpuQuota quota() {
        return first.quota();
    }

    public List<LaunchRecord> launches() {
        return launches;
    }

    /** The launches that ended early, each with its error (one that failed before its windows has none). */
    public List<LaunchRecord> failed() {
        return launches.stream().filter(l -> l.error() != null).toList();
    }

    /** The labels of every launch's servers, in the reports' arm order. */
    public List<String> arms() {
        return launches.stream().flatMap(l -> l.servers().stream()).map(LaunchRecord.Server::label).distinct()
                .sorted(KnownArms.COMPARATOR).toList();
    }

    public boolean has(String arm) {
        return arms().contains(arm);
    }

    /** Whether the comparison carries the A/A arm (classic launched a second time under its own label). */
    public boolean hasAa() {
        return has(KnownArms.CLASSIC_AA) && has(KnownArms.CLASSIC);
    }

    public boolean mixed() {
        return first.heavyShares() != null && !first.heavyShares().isEmpty();
    }

    public int steps() {
        return first.ladder() == null ? 0 : first.ladder().size();
    }

    /** The capacity search of {@code arm} in the first launch, if it ran. */
    public Optional<CapacityPoint> capacity(String arm) {
        return first.capacities() == null ? Optional.empty()
                : first.capacities().stream().filter(c -> c.arm().equals(arm)).findFirst();
    }

    public List<CapacityPoint> capacities() {
        return first.capacities() == null ? List.of() : first.capacities();
    }

    /** The arm whose capacity set the ladder: the weakest that sustained a rate. */
    Optional<CapacityPoint> weakest() {
        return capacities().stream().filter(c -> c.capacity() > 0).min(Comparator.comparingDouble(
                CapacityPoint::capacity));
    }

    public OperatingPoint point(int step) {
        double rate = first.ladder().get(step);
        if (mixed()) {
            return new OperatingPoint(id(), step, rate, first.heavyShares().get(step), "", Double.NaN, true);
        }
        Optional<CapacityPoint> weakest = weakest();
        List<Double> fractions = first.ladderFractions();
        double fraction = fractions != null && step < fractions.size() ? fractions.get(step) : Double.NaN;
        return new OperatingPoint(id(), step, rate, fraction, weakest.map(CapacityPoint::arm).orElse(""),
                weakest.map(CapacityPoint::capacity).orElse(Double.NaN), false);
    }

    public List<OperatingPoint> points() {
        List<OperatingPoint> points = new ArrayList<>();
        for (int s = 0; s < steps(); s++) {
            points.add(point(s));
        }
        return points;
    }

    /** {@code arm} at {@code step} in one launch. */
    public ArmStep at(String arm, int step, LaunchRecord launch) {
        String phase = mixed() ? Window.MIXED : Window.LADDER;
        List<Window> all = launch.windows() == null ? List.of() : launch.windows().stream()
                .filter(w -> w.arm().equals(arm) && w.step() == step && phase.equals(w.phase())).toList();
        return new ArmStep(arm, step, launch.launch(), mixed(), launch.p99BoundMs(),
                all.stream().filter(w -> ArmStep.counts(w, mixed())).toList(), all.size());
    }

    /** {@code arm} at {@code step}, one per launch, in launch order. */
    public List<ArmStep> at(String arm, int step) {
        return launches.stream().map(l -> at(arm, step, l)).toList();
    }

    /** {@code numerator}'s figure ÷ {@code denominator}'s at {@code step}, in every launch where both have one. */
    public LaunchRatio ratio(String numerator, String denominator, int step, StepMetric metric) {
        List<LaunchRatio.Pair> pairs = new ArrayList<>();
        for (LaunchRecord l : launches) {
            double n = metric.of(at(numerator, step, l));
            double d = metric.of(at(denominator, step, l));
            if (Double.isFinite(n) && Double.isFinite(d)) {
                pairs.add(new LaunchRatio.Pair(l.launch(), n, d));
            }
        }
        return new LaunchRatio(numerator, denominator, pairs);
    }

    /** The A/A ratio at {@code step}: classic-aa ÷ classic; what this comparison cannot tell from 1 there. */
    public LaunchRatio aa(int step, StepMetric metric) {
        return ratio(KnownArms.CLASSIC_AA, KnownArms.CLASSIC, step, metric);
    }
}
