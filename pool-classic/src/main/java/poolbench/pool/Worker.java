package poolbench.pool;

/**
 * The function a pooled worker runs for each item handed to it (fasthttp's {@code WorkerFunc}).
 *
 * <p>Each worker thread gets its own instance from the pool's supplier and keeps it for every item it serves, so
 * an instance may hold per-worker state (buffers, a codec) without synchronisation.
 *
 * @param <T> the item handed off: a connection for the server, a task for the benchmarks
 */
@FunctionalInterface
public interface Worker<T> {

    /** Serves one item on the calling worker thread. An exception is logged; the worker lives on. */
    void serve(T item) throws Exception;

    /**
     * Called on the worker thread as it exits (reaped, its pool stopped, or dying of an Error), once it has a
     * function: lets go of what the worker kept across items. Nothing by default.
     */
    default void close() {
    }
}
