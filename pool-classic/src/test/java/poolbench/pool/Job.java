package poolbench.pool;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An item for the tests: records the thread that serves it, and may hold that thread until finished. */
final class Job implements Callable<Void> {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final CompletableFuture<Thread> servedBy = new CompletableFuture<>();
    private final CountDownLatch proceed;

    private Job(int gates) {
        this.proceed = new CountDownLatch(gates);
    }

    /** A job that ends as soon as it starts. */
    static Job quick() {
        return new Job(0);
    }

    /** A job that holds its worker until {@link #finish()}. */
    static Job blocking() {
        return new Job(1);
    }

    void finish() {
        proceed.countDown();
    }

    /** The thread that served (or is serving) this job. */
    Thread thread() throws Exception {
        return servedBy.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Void call() throws InterruptedException {
        servedBy.complete(Thread.currentThread());
        if (!proceed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("job never finished");
        }
        return null;
    }
}
