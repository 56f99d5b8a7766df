package poolbench.loadgen;

/**
 * The library entry point: {@code LoadGenerator.run(LoadConfig.defaults(url).withDuration(...))} returns a
 * {@link LoadResult}; {@link #start} returns the {@link LoadRun} for a caller that wants to stop it early.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * Starts a run and returns at once.
     *
     * @throws IllegalArgumentException when the host cannot be resolved (the message names the fix)
     */
    public static LoadRun start(LoadConfig config) {
        LoadRun run = new LoadRun(config);
        run.start();
        return run;
    }

    /** Runs to the end: warm-up, duration, then at most the timeout waiting for answers in flight. */
    public static LoadResult run(LoadConfig config) throws InterruptedException {
        return start(config).await();
    }
}
