package poolbench.server.spi;

/** Which idle worker a pool hands the next connection to. */
public enum WorkerOrder {
    /** The most recently released one, as fasthttp does: its stack and caches are still warm. */
    LIFO,
    /** The one idle longest: the ablation that tests the hot-cache argument. */
    FIFO
}
