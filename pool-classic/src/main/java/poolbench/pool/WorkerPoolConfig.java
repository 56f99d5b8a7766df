package poolbench.pool;

import java.time.Duration;
import java.util.Objects;

import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.WorkerOrder;

/**
 * The settings of a {@link WorkerPool}, named as in fasthttp's {@code workerPool}.
 *
 * @param maxWorkersCount       the cap on workers alive at once; at the cap {@code serve} returns false
 * @param maxIdleWorkerDuration how long a worker may stay idle before {@code clean} tells it to exit; also how often
 *                              the cleaner runs
 * @param order                 which idle worker takes the next item: LIFO as fasthttp, or FIFO as an ablation
 * @param logAllErrors          log benign errors from the worker function too
 * @param handoffCapacity       capacity of each worker's channel, 0 (rendezvous) or 1; see
 *                              {@link #defaultHandoffCapacity()}
 */
public record WorkerPoolConfig(int maxWorkersCount, Duration maxIdleWorkerDuration, WorkerOrder order,
                               boolean logAllErrors, int handoffCapacity) {

    public WorkerPoolConfig {
        Objects.requireNonNull(maxIdleWorkerDuration, "maxIdleWorkerDuration");
        Objects.requireNonNull(order, "order");
        if (maxWorkersCount < 1) {
            throw new IllegalArgumentException("maxWorkersCount must be at least 1, was " + maxWorkersCount);
        }
        if (maxIdleWorkerDuration.isNegative() || maxIdleWorkerDuration.isZero()) {
            throw new IllegalArgumentException("maxIdleWorkerDuration must be positive, was " + maxIdleWorkerDuration);
        }
        if (handoffCapacity != 0 && handoffCapacity != 1) {
            throw new IllegalArgumentException("handoffCapacity must be 0 or 1, was " + handoffCapacity);
        }
    }

    /**
     * fasthttp's {@code workerChanCap}: 0 with one CPU, so that the acceptor never runs ahead of a worker that has
     * not come back to wait (a send to a waiting worker returns at once, as in Go); 1 with more, so that the acceptor
     * does not wait for a worker busy on a CPU-bound item before accepting again.
     */
    public static int defaultHandoffCapacity() {
        return Runtime.getRuntime().availableProcessors() == 1 ? 0 : 1;
    }

    /** The pool an arm builds from its options: the cap defaults to fasthttp's {@code DefaultConcurrency}. */
    public static WorkerPoolConfig from(ArmOptions options) {
        return new WorkerPoolConfig(options.concurrencyOrDefault(), options.maxIdleWorkerDuration(), options.order(),
                options.logAllErrors(), defaultHandoffCapacity());
    }

    public static WorkerPoolConfig defaults() {
        return from(ArmOptions.DEFAULTS);
    }

    public WorkerPoolConfig withMaxWorkersCount(int max) {
        return new WorkerPoolConfig(max, maxIdleWorkerDuration, order, logAllErrors, handoffCapacity);
    }

    public WorkerPoolConfig withMaxIdleWorkerDuration(Duration d) {
        return new WorkerPoolConfig(maxWorkersCount, d, order, logAllErrors, handoffCapacity);
    }

    public WorkerPoolConfig withOrder(WorkerOrder o) {
        return new WorkerPoolConfig(maxWorkersCount, maxIdleWorkerDuration, o, logAllErrors, handoffCapacity);
    }

    public WorkerPoolConfig withHandoffCapacity(int capacity) {
        return new WorkerPoolConfig(maxWorkersCount, maxIdleWorkerDuration, order, logAllErrors, capacity);
    }
}
