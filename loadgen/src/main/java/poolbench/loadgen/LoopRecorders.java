package poolbench.loadgen;

import org.HdrHistogram.SingleWriterRecorder;

/**
 * One client loop's latency recorders, in nanoseconds with 3 significant digits. Each has a single
 * writer (its loop), so recording never contends; the timeline sampler takes interval histograms from
 * them once a second, which is what {@link SingleWriterRecorder} is made for.
 */
final class LoopRecorders {

    static final int SIGNIFICANT_DIGITS = 3;

    /** Closed loop: actual send to response. Open loop: intended send to response (corrected for coordinated omission). */
    final SingleWriterRecorder latency = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
    /** Open loop only: actual send to response, the uncorrected service time. */
    final SingleWriterRecorder serviceTime = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
    /** Open loop only: how long after it could have been sent each request was sent (the generator's own lag). */
    final SingleWriterRecorder scheduleLag = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
}
