package poolbench.pool;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import poolbench.server.connection.ConnectionErrors;
import poolbench.server.connection.ConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.WorkerOrder;

/**
 * Connections served by a {@link ThreadPoolExecutor} with no core threads and a {@link SynchronousQueue}: a task
 * goes to an idle thread waiting on the queue, else to a new thread below the cap, else it is rejected; an idle
 * thread exits after the keep-alive time. That is fasthttp's pool in standard-library parts. The non-fair
 * SynchronousQueue hands a task to the thread that began waiting last, so it is LIFO like fasthttp's ready stack;
 * the fair one is FIFO.
 *
 * <p>Each pool thread keeps one {@link ConnectionWorker} in a ThreadLocal, hence one ConnectionServer and its
 * buffers, as a classic worker does, and closes it when the thread exits.
 */
final class JdkPoolDispatcher implements Dispatcher {

    /**
     * Thrown by the rejection handler instead of a new RejectedExecutionException per refused connection: filling
     * in a stack trace would make rejecting cost far more here than in the classic pool, and at capacity the
     * acceptor runs this path for every connection.
     */
    private static final RejectedExecutionException AT_CAPACITY = new AtCapacity();
    private static final RejectedExecutionHandler REJECT = (task, executor) -> {
        throw AT_CAPACITY;
    };

    private final ThreadPoolExecutor executor;
    /** The calling pool thread's worker, made on its first connection. */
    private final ThreadLocal<ConnectionWorker> workers = new ThreadLocal<>();
    private final ConnectionServerFactory servers;
    private final boolean logAllErrors;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The reaped count frozen by close; negative while open. */
    private volatile long reapedWhenClosed = -1;

    JdkPoolDispatcher(ArmOptions options, ConnectionServerFactory servers) {
        ThreadFactory named = Thread.ofPlatform().daemon().name("jdk-pool-worker-", 0).factory();
        ThreadFactory counted = task -> {
            Thread thread = named.newThread(() -> {
                try {
                    task.run();
                } finally {
                    closeWorker();
                }
            });
            started.incrementAndGet();
            return thread;
        };
        this.executor = new ThreadPoolExecutor(0, options.concurrencyOrDefault(),
                options.maxIdleWorkerDuration().toNanos(), TimeUnit.NANOSECONDS,
                new SynchronousQueue<>(options.order() == WorkerOrder.FIFO), counted, REJECT);
        this.servers = servers;
        this.logAllErrors = options.logAllErrors();
    }

    @Override
    public boolean dispatch(Socket connection) {
        if (closed.get()) {
            return false;
        }
        try {
            executor.execute(() -> serve(connection));
            return true;
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                rejected.incrementAndGet();
            }
            return false;
        }
    }

    private void serve(Socket connection) {
        try {
            ConnectionWorker worker = workers.get();
            if (worker == null) {
                worker = new ConnectionWorker(servers);
                workers.set(worker);
            }
            worker.serve(connection);
        } catch (Exception e) {
            ConnectionErrors.log(connection, e, logAllErrors);
        }
    }

    /** On a pool thread that is exiting (its keep-alive time passed, or the executor shut down). */
    private void closeWorker() {
        ConnectionWorker worker = workers.get();
        if (worker != null) {
            workers.remove();
            worker.close();
        }
    }

    /**
     * What the executor lets us see. Alive, busy and largest pool size come from the executor; idle is alive minus
     * busy, both sampled under its lock one after the other, so approximate under load. Started is counted in the
     * thread factory. The executor does not say why a thread left, so reaped is inferred: while open, every thread
     * that ended did so because its keep-alive expired (a connection's exception is caught before it can end one;
     * an Error would be miscounted as a reap), so reaped = started - alive, alive being read first so that the
     * difference is never negative; after close, threads end because of the shutdown, so the count stops there.
     */
    @Override
    public DispatcherStats stats() {
        long alive = executor.getPoolSize();
        long busy = executor.getActiveCount();
        long startedSoFar = started.get();
        long frozen = reapedWhenClosed;
        long reaped = frozen >= 0 ? frozen : startedSoFar - alive;
        return new DispatcherStats(alive, Math.max(0, alive - busy), Math.max(executor.getLargestPoolSize(), alive),
                startedSoFar, reaped, rejected.get());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long alive = executor.getPoolSize();
            reapedWhenClosed = started.get() - alive;
            executor.shutdown();
        }
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static final class AtCapacity extends RejectedExecutionException {

        AtCapacity() {
            super("jdk-pool at its concurrency limit");
        }

        @Override
        public Throwable fillInStackTrace() {
            return this;
        }
    }
}
