package poolbench.pool;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told to. */
final class FakeClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong();

    void set(Duration sinceStart) {
        nanos.set(sinceStart.toNanos());
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }
}
