/**
 * pool-classic: the pooled platform-thread arms. {@code classic} is fasthttp's {@code workerPool} ported
 * ({@link poolbench.pool.WorkerPool}, to read beside workerpool.go): a LIFO stack of idle workers, a cap, idle
 * workers reaped; {@code jdk-pool} is the standard library's peer, a {@code ThreadPoolExecutor} with a
 * {@code SynchronousQueue} and the same cap. {@link poolbench.pool.WorkerPoolArm} and
 * {@link poolbench.pool.PooledArm} are public because pool-virtual runs the same pool on virtual threads.
 */
package poolbench.pool;
