package poolbench.loadgen;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The one reader of every loop's recorders and counters: once a second it takes each loop's interval
 * histograms, adds them to that second's entry and to the run's totals. Runs on the coordinator thread
 * only, so it needs no locking of its own.
 */
final class TimelineSampler {

    private final List<ClientLoop> loops;
    private final Histogram latency = newHistogram();
    private final Histogram serviceTime = newHistogram();
    private final Histogram scheduleLag = newHistogram();
    private final List<SecondSample> timeline = new ArrayList<>();
    private Histogram lastSecond;
    private long errorsSoFar;

    TimelineSampler(List<ClientLoop> loops) {
        this.loops = loops;
    }

    /** Closes second {@code second}: everything recorded since the previous sample belongs to it. */
    void sample(int second) {
        Histogram interval = takeIntervals();
        long errors = errorsSinceLastSample();
        if (!timeline.isEmpty() && timeline.get(timeline.size() - 1).second() == second) {
            // Late answers after the last full second: fold them into it rather than invent a short second.
            lastSecond.add(interval);
            SecondSample previous = timeline.remove(timeline.size() - 1);
            timeline.add(entry(second, lastSecond, previous.errors() + errors));
        } else {
            lastSecond = interval.copy();
            timeline.add(entry(second, lastSecond, errors));
        }
    }

    Histogram latency() {
        return latency;
    }

    Histogram serviceTime() {
        return serviceTime;
    }

    Histogram scheduleLag() {
        return scheduleLag;
    }

    List<SecondSample> timeline() {
        return List.copyOf(timeline);
    }

    private Histogram takeIntervals() {
        Histogram second = newHistogram();
        for (ClientLoop loop : loops) {
            take(loop.recorders.latency, second, latency);
            take(loop.recorders.serviceTime, null, serviceTime);
            take(loop.recorders.scheduleLag, null, scheduleLag);
        }
        return second;
    }

    /** Allocates one histogram per recorder and second: cheap at that rate, and only here, off the hot path. */
    private static void take(SingleWriterRecorder recorder, Histogram second, Histogram total) {
        Histogram interval = recorder.getIntervalHistogram();
        if (second != null) {
            second.add(interval);
        }
        total.add(interval);
    }

    private long errorsSinceLastSample() {
        long errors = 0;
        for (ClientLoop loop : loops) {
            errors += loop.counters.errors();
        }
        long delta = errors - errorsSoFar;
        errorsSoFar = errors;
        return delta;
    }

    private static SecondSample entry(int second, Histogram h, long errors) {
        boolean empty = h.getTotalCount() == 0;
        return new SecondSample(second, h.getTotalCount(), errors,
                empty ? 0 : LatencyReport.ms(h.getValueAtPercentile(50)),
                empty ? 0 : LatencyReport.ms(h.getValueAtPercentile(99)),
                empty ? 0 : LatencyReport.ms(h.getMaxValue()));
    }

    private static Histogram newHistogram() {
        return new Histogram(LoopRecorders.SIGNIFICANT_DIGITS);
    }
}
