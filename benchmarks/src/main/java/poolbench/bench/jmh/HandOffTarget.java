package poolbench.bench.jmh;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import poolbench.pool.WorkerPool;
import poolbench.pool.WorkerPoolConfig;

/** The ways a task can be handed to another thread, each started the way its users would start it. */
public enum HandOffTarget {

    /** fasthttp's pool ported: LIFO ready stack, platform workers, one-slot channel per worker. */
    CLASSIC_POOL {
        @Override
        RunningTarget start() {
            return workerPool(Thread.ofPlatform().daemon().name("handoff-worker-", 0).factory());
        }
    },
    /** The same pool with virtual workers: what the virtual-pooled arm does per connection. */
    VIRTUAL_WORKER_POOL {
        @Override
        RunningTarget start() {
            return workerPool(Thread.ofVirtual().name("handoff-vworker-", 0).factory());
        }
    },
    /** {@code new Thread(task).start()}: the per-connection arm, no pool at all. */
    NEW_PLATFORM_THREAD {
        @Override
        RunningTarget start() {
            return newThreadPerTask(Thread.ofPlatform().daemon().factory());
        }
    },
    /** {@code Thread.ofVirtual().start(task)}: the virtual arm. */
    NEW_VIRTUAL_THREAD {
        @Override
        RunningTarget start() {
            return newThreadPerTask(Thread.ofVirtual().factory());
        }
    },
    /**
     * {@code Executors.newCachedThreadPool()}'s shape, the jdk-pool arm's: no core threads, a SynchronousQueue that
     * hands a task straight to an idle thread or makes a new one.
     */
    TPE_SYNCHRONOUS_QUEUE {
        @Override
        RunningTarget start() {
            return executor(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), Thread.ofPlatform().daemon().factory()));
        }
    },
    /**
     * {@code Executors.newFixedThreadPool(cores)}'s shape: a fixed set of threads taking tasks from one shared
     * LinkedBlockingQueue, the textbook Java worker pool.
     */
    TPE_LINKED_QUEUE {
        @Override
        RunningTarget start() {
            int threads = Runtime.getRuntime().availableProcessors();
            return executor(new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().factory()));
        }
    };

    /** Starts whatever the target needs (workers, a cleaner) before the first task. */
    abstract RunningTarget start();

    /** A started target: hands tasks over until closed. */
    interface RunningTarget extends AutoCloseable {

        void submit(Runnable task);

        @Override
        void close();
    }

    private static RunningTarget workerPool(ThreadFactory workers) {
        WorkerPool<Runnable> pool = new WorkerPool<>(WorkerPoolConfig.defaults(), workers, () -> Runnable::run);
        pool.start();
        return new RunningTarget() {
            @Override
            public void submit(Runnable task) {
                if (!pool.serve(task)) {
                    throw new RejectedExecutionException("worker pool refused a task below its cap");
                }
            }

            @Override
            public void close() {
                pool.stop();
            }
        };
    }

    private static RunningTarget newThreadPerTask(ThreadFactory threads) {
        return new RunningTarget() {
            @Override
            public void submit(Runnable task) {
                threads.newThread(task).start();
            }

            @Override
            public void close() {
                // Every thread has ended by the time its completion was seen or shortly after; nothing to stop.
            }
        };
    }

    private static RunningTarget executor(ExecutorService executor) {
        return new RunningTarget() {
            @Override
            public void submit(Runnable task) {
                executor.execute(task);
            }

            @Override
            public void close() {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
