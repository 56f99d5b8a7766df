package poolbench.bench.jmh;

import poolbench.pool.Worker;

/**
 * A pooled worker's own memory, standing in for what a real worker keeps warm between items: its stack, its
 * buffers, the codec's tables. Every job touches all of it, one write per cache line, so a worker whose state is
 * still in a CPU cache serves faster than one whose state has been evicted while it idled.
 */
final class WorkerState implements Worker<WorkerState.Job> {

    /** 64-byte cache lines, 8-byte longs. */
    private static final int LONGS_PER_LINE = 8;

    /** What the pool hands a worker: something to run against that worker's state. */
    @FunctionalInterface
    interface Job {
        void runOn(WorkerState worker) throws InterruptedException;
    }

    private final long[] state;

    WorkerState(int kibibytes) {
        state = new long[kibibytes * 1024 / Long.BYTES];
    }

    @Override
    public void serve(Job job) throws InterruptedException {
        job.runOn(this);
    }

    /** Reads and writes every cache line of the state; the writes keep the JIT from skipping the loop. */
    void touch() {
        long[] s = state;
        for (int i = 0; i < s.length; i += LONGS_PER_LINE) {
            s[i]++;
        }
    }
}
