package poolbench.server.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The options an arm may honour, with fasthttp's defaults in one place. An arm ignores the ones its model lacks
 * (a thread per connection has no idle workers, and a cap only where its {@link CapPolicy} honours one) and says so
 * in {@link Arm#description()}.
 *
 * @param concurrency           cap on connections served at once; empty means the arm's default
 *                              ({@link #DEFAULT_CONCURRENCY} for pools, no cap for a thread per connection)
 * @param maxIdleWorkerDuration how long a pooled worker may stay idle before the cleaner reaps it
 * @param order                 which idle worker a pool hands the next connection to
 * @param logAllErrors          log benign connection errors too (fasthttp's {@code LogAllErrors})
 */
public record ArmOptions(OptionalInt concurrency, Duration maxIdleWorkerDuration, WorkerOrder order,
                         boolean logAllErrors) {

    /** fasthttp's {@code DefaultConcurrency}: 256 * 1024. */
    public static final int DEFAULT_CONCURRENCY = 256 * 1024;

    /** fasthttp's default {@code MaxIdleWorkerDuration}. */
    public static final Duration DEFAULT_MAX_IDLE_WORKER_DURATION = Duration.ofSeconds(10);

    public static final ArmOptions DEFAULTS =
            new ArmOptions(OptionalInt.empty(), DEFAULT_MAX_IDLE_WORKER_DURATION, WorkerOrder.LIFO, false);

    public ArmOptions {
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(maxIdleWorkerDuration, "maxIdleWorkerDuration");
        Objects.requireNonNull(order, "order");
        if (concurrency.isPresent() && concurrency.getAsInt() < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency.getAsInt());
        }
        if (maxIdleWorkerDuration.isNegative() || maxIdleWorkerDuration.isZero()) {
            throw new IllegalArgumentException("maxIdleWorkerDuration must be positive, was " + maxIdleWorkerDuration);
        }
    }

    /** The cap for an arm whose default is fasthttp's. */
    public int concurrencyOrDefault() {
        return concurrency.orElse(DEFAULT_CONCURRENCY);
    }

    public ArmOptions withConcurrency(int cap) {
        return new ArmOptions(OptionalInt.of(cap), maxIdleWorkerDuration, order, logAllErrors);
    }

    public ArmOptions withMaxIdleWorkerDuration(Duration d) {
        return new ArmOptions(concurrency, d, order, logAllErrors);
    }

    public ArmOptions withOrder(WorkerOrder o) {
        return new ArmOptions(concurrency, maxIdleWorkerDuration, o, logAllErrors);
    }

    public ArmOptions withLogAllErrors(boolean all) {
        return new ArmOptions(concurrency, maxIdleWorkerDuration, order, all);
    }
}
