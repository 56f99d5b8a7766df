package poolbench.report.run;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;
import poolbench.compare.record.ServerDeltas;
import poolbench.compare.record.Window;
import poolbench.loadgen.LoadResult;

/**
 * One arm at one step of a comparison in one launch: the windows that count there, and the launch's figures made of
 * them. A per-request figure is the windows' total over their total requests (server CPU time ÷ requests served over
 * every counted window, not a mean of per-window ratios, so a short window weighs what it served); a latency
 * percentile is read from the windows' histograms merged into one (the same load at the same rate, so one
 * distribution).
 *
 * <p>On a ladder, the step is sustained in the launch when it has a counted window and every counted window
 * kept up with the offered rate (achieved ≥ 99% of it, errors ≤ 1%): a rate an arm held in one window and lost in
 * the next is not a cost. Its p99 is measured there, not a condition: the comparison's p99 bound is the capacity
 * search's, and a ladder step near capacity that queues is still a cost at that rate. A step that is not sustained gives no figure. On the mixed
 * workload what is measured is whether light requests are answered, so every counted window is used, sustained or
 * not, and its unanswered requests are a figure of their own.
 *
 * @param arm         the label
 * @param step        the ladder (or heavy-share) step, 0-based
 * @param launch      1..L
 * @param mixed       the mixed workload's windows (light, fresh and heavy groups)
 * @param p99BoundMs  the comparison's bound on a capacity probe's p99 (the record's; not a ladder condition)
 * @param windows     the windows that count: measured, valid and undisturbed
 * @param attempted   every window of this arm at this step in this launch, the disturbed and failed ones included
 */
public record ArmStep(String arm, int step, int launch, boolean mixed, double p99BoundMs, List<Window> windows,
               int attempted) {

    public ArmStep {
        windows = List.copyOf(windows);
    }

    /**
     * Whether a window counts: measured, undisturbed, its responses valid. A mixed window whose light group
     * answered nothing at all carries an error (no response in the window), yet that is the measurement there, so
     * it counts.
     */
    static boolean counts(Window w, boolean mixed) {
        if (w.counted()) {
            return true;
        }
        return mixed && w.load() != null && w.server() != null && w.interference() != null
                && w.interference().clean() && w.load().requests() == 0;
    }

    /** The step has figures in this launch: see the class comment. */
    public boolean sustained() {
        if (windows.isEmpty()) {
            return false;
        }
        return mixed || windows.stream().allMatch(Window::keptUp);
    }

    /** Why there is no figure, in a few words; empty when there is one. */
    public String gap() {
        if (windows.isEmpty()) {
            return attempted == 0 ? "not run" : "no counted window (" + attempted + " disturbed or failed)";
        }
        if (sustained()) {
            return "";
        }
        long failing = windows.stream().filter(w -> !w.keptUp()).count();
        Window worst = windows.stream().filter(w -> !w.keptUp())
                .min(Comparator.comparingDouble(w -> w.achievedRate() / w.offeredRate())).orElseThrow();
        return "not sustained (" + failing + " of " + windows.size() + " windows; achieved "
                + Numbers.human(worst.achievedRate()) + " of " + Numbers.human(worst.offeredRate()) + " req/s, p99 "
                + Numbers.human(worst.load().latency().percentileMs(99)) + " ms)";
    }

    long requests() {
        return windows.stream().mapToLong(w -> w.server().requests()).sum();
    }

    /** A per-request server figure over every counted window: their total ÷ their requests. */
    private double perRequest(ToDoubleFunction<ServerDeltas> perRequest) {
        long requests = requests();
        if (!sustained() || requests == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (Window w : windows) {
            total += perRequest.applyAsDouble(w.server()) * w.server().requests();
        }
        return total / requests;
    }

    public double cpuMicrosPerRequest() {
        return perRequest(ServerDeltas::cpuMicrosPerRequest);
    }

    public double allocBytesPerRequest() {
        return perRequest(ServerDeltas::allocBytesPerRequest);
    }

    /**
     * Not a number where a window's server could not count them, or where the count went down: summed over the
     * live threads, it loses the switches of threads that ended in the window, so a negative figure is not measured.
     */
    public double voluntaryContextSwitchesPerRequest() {
        if (windows.stream().anyMatch(w -> w.server().voluntaryContextSwitchesPerRequest() == null)) {
            return Double.NaN;
        }
        return notBelowZero(perRequest(ServerDeltas::voluntaryContextSwitchesPerRequest));
    }

    public double involuntaryContextSwitchesPerRequest() {
        if (windows.stream().anyMatch(w -> w.server().involuntaryContextSwitchesPerRequest() == null)) {
            return Double.NaN;
        }
        return notBelowZero(perRequest(ServerDeltas::involuntaryContextSwitchesPerRequest));
    }

    private static double notBelowZero(double v) {
        return v < 0 ? Double.NaN : v;
    }

    /** The pool's wait for a connection per request (the db workload's HikariCP timing), µs. */
    public double dbWaitMicrosPerRequest() {
        return perRequest(ServerDeltas::dbWaitMicrosPerRequest);
    }

    /**
     * The load side's processes' CPU per request, µs: the load generator and every helper it started (PostgreSQL
     * on db), from their /proc ticks, which the records keep together.
     */
    public double loadSideCpuMicrosPerRequest(long clockTicksPerSecond) {
        long requests = requests();
        if (!sustained() || requests == 0 || clockTicksPerSecond <= 0
                || windows.stream().anyMatch(w -> w.interference().ticks() == null)) {
            return Double.NaN;
        }
        long ticks = windows.stream().mapToLong(w -> w.interference().ticks().loadProcesses()).sum();
        return ticks * 1e6 / clockTicksPerSecond / requests;
    }

    /**
     * PostgreSQL's CPU per request, µs: its processes' and backends' /proc ticks, which the records keep apart from
     * the rest of the load side's; not a number for records written before they did, or without a database.
     */
    public double databaseCpuMicrosPerRequest(long clockTicksPerSecond) {
        long requests = requests();
        if (!sustained() || requests == 0 || clockTicksPerSecond <= 0
                || windows.stream().anyMatch(w -> w.interference().ticks() == null)) {
            return Double.NaN;
        }
        long ticks = windows.stream().mapToLong(w -> w.interference().ticks().databaseProcesses()).sum();
        return ticks == 0 ? Double.NaN : ticks * 1e6 / clockTicksPerSecond / requests;
    }

    /** The group's windows' results that exist. */
    private List<LoadResult> results(LoadGroup group) {
        return windows.stream().map(group::of).filter(Objects::nonNull).toList();
    }

    /** The answered requests' latency, the windows' histograms merged (nanoseconds). */
    Histogram latency(LoadGroup group) {
        Histogram merged = null;
        for (LoadResult r : results(group)) {
            Histogram h = r.latency().decodeHistogram();
            if (merged == null) {
                merged = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            merged.add(h);
        }
        return merged == null ? new Histogram(3) : merged;
    }

    /** A percentile of the answered requests, ms; not a number without a figure or without an answer. */
    public double percentileMs(LoadGroup group, double percentile) {
        if (!sustained()) {
            return Double.NaN;
        }
        Histogram h = latency(group);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    /** The answered requests' mean latency, ms; not a number without a figure or without an answer. */
    public double meanMs(LoadGroup group) {
        if (!sustained()) {
            return Double.NaN;
        }
        Histogram h = latency(group);
        return h.getTotalCount() == 0 ? Double.NaN : h.getMean() / 1e6;
    }

    /** Requests sent that got no complete response (timed out, reset, unparsable) ÷ requests sent. */
    public double unansweredShare(LoadGroup group) {
        List<LoadResult> results = results(group);
        long sent = results.stream().mapToLong(LoadResult::sent).sum();
        long lost = results.stream().mapToLong(r -> r.errors().lostRequests()).sum();
        return windows.isEmpty() || sent == 0 ? Double.NaN : lost / (double) sent;
    }

    /** Answered requests per second of the group over its windows. */
    public double achievedRate(LoadGroup group) {
        List<LoadResult> results = results(group);
        double seconds = results.stream().mapToDouble(LoadResult::measuredSeconds).sum();
        return seconds <= 0 ? Double.NaN : results.stream().mapToLong(LoadResult::requests).sum() / seconds;
    }
}
