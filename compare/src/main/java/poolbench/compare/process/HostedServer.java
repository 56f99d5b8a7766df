package poolbench.compare.process;

/**
 * One running server as a suite sees it, wherever its {@link ServerHost} started it: where it listens, its pid
 * on that host (what the CPU accounting asks about), whether it still runs and how it ended.
 */
public interface HostedServer extends AutoCloseable {

    int port();

    int adminPort();

    /** Its pid on the host that runs it. */
    long pid();

    boolean isAlive();

    /** How it ended (exit status, signal, last log lines), or why that cannot be known; for a failed record. */
    String exitDescription();

    /**
     * After {@link #close}: the estimated StackChunk bytes it allocated from {@code fromMillis} to
     * {@code toMillis} (see {@link StackChunkRecording}), -1 without a recording; the recording is then removed.
     */
    long takeStackChunkBytes(long fromMillis, long toMillis);

    /** Stops it (a clean stop, then a kill) and releases what it held (its quota group, its log). */
    @Override
    void close() throws InterruptedException;
}
