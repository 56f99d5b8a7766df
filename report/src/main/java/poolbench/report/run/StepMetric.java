package poolbench.report.run;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A figure of one arm at one operating point in one launch ({@link ArmStep}), with the words a rule and a table print
 * it with. The per-request figures are the server's own counters over the counted windows; the latencies are the
 * load's, from the intended send time (open loop), answered requests only.
 */
public enum StepMetric {
    CPU_MICROS_PER_REQUEST("server CPU µs per request", ArmStep::cpuMicrosPerRequest),
    ALLOC_BYTES_PER_REQUEST("allocated bytes per request", ArmStep::allocBytesPerRequest),
    VOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST("voluntary context switches per request",
            ArmStep::voluntaryContextSwitchesPerRequest),
    INVOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST("involuntary context switches per request",
            ArmStep::involuntaryContextSwitchesPerRequest),
    P50_MS("p50 latency", LoadGroup.MEASURED, 50),
    P99_MS("p99 latency", LoadGroup.MEASURED, 99),
    /** Mixed: the light requests on connections established before the heavy group started. */
    LIGHT_P50_MS("light requests' p50 on established connections (answered)", LoadGroup.MEASURED, 50),
    LIGHT_P99_MS("light requests' p99 on established connections (answered)", LoadGroup.MEASURED, 99),
    /** Mixed: new connections opened under the heavy load, from connect to first response. */
    FRESH_P50_MS("new connections' connect-to-first-response p50 (answered)", LoadGroup.FRESH, 50),
    FRESH_P99_MS("new connections' connect-to-first-response p99 (answered)", LoadGroup.FRESH, 99);

    private final String words;
    private final ToDoubleFunction<ArmStep> read;
    /** The load group a latency is read from; null for the server's per-request figures. */
    private final LoadGroup group;

    StepMetric(String words, ToDoubleFunction<ArmStep> read) {
        this.words = words;
        this.read = read;
        this.group = null;
    }

    StepMetric(String words, LoadGroup group, double percentile) {
        this.words = words;
        this.read = s -> s.percentileMs(group, percentile);
        this.group = group;
    }

    /** The load group of a latency figure; empty for a server figure. */
    public Optional<LoadGroup> group() {
        return Optional.ofNullable(group);
    }

    /** "server CPU µs per request": how a rule's sentence and a table name it. */
    public String words() {
        return words;
    }

    /** The launch's figure; not a number where the step has none (not sustained, nothing answered). */
    public double of(ArmStep s) {
        return read.applyAsDouble(s);
    }
}
