package poolbench.loadgen;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One client loop's counters. The loop is the only writer, so an increment is a plain read and an
 * ordered store (no atomic read-modify-write, no contention); the timeline sampler may read them at any
 * time and sees each value whole.
 */
final class LoopCounters {

    private static final Counter[] ALL = Counter.values();

    private final AtomicLongArray values = new AtomicLongArray(ALL.length);

    void add(Counter counter, long delta) {
        int i = counter.ordinal();
        values.lazySet(i, values.get(i) + delta);
    }

    void increment(Counter counter) {
        add(counter, 1);
    }

    long get(Counter counter) {
        return values.get(counter.ordinal());
    }

    static long sum(Iterable<LoopCounters> loops, Counter counter) {
        long sum = 0;
        for (LoopCounters c : loops) {
            sum += c.get(counter);
        }
        return sum;
    }

    /** Requests lost to errors of any kind (not counting non-2xx/3xx responses, which did complete). */
    long lostRequests() {
        return get(Counter.READ_ERRORS) + get(Counter.WRITE_ERRORS) + get(Counter.TIMEOUTS) + get(Counter.PARSE_ERRORS);
    }

    /** Errors shown in the timeline: failed connects, lost requests and non-2xx/3xx responses. */
    long errors() {
        return get(Counter.CONNECT_ERRORS) + lostRequests() + get(Counter.STATUS_ERRORS);
    }
}
