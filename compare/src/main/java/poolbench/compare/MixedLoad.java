package poolbench.compare;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import poolbench.loadgen.LoadConfig;
import poolbench.loadgen.LoadGenerator;
import poolbench.loadgen.LoadResult;

/**
 * Runs the measured load, and for the mixed workload a second, heavy load beside it: two load generators, each
 * with its own connections and histogram, so that the light requests' latency is recorded apart from the heavy
 * ones'. The heavy group starts {@link #HEAVY_MARGIN} before the light one and runs as long after it, so the whole
 * measured window is under mixed load.
 */
public final class MixedLoad {

    /** How long the heavy group runs before and after the light group's window. */
    public static final Duration HEAVY_MARGIN = Duration.ofMillis(300);
    /** A heavy request's timeout: it may queue behind others of its kind on a saturated server. */
    public static final Duration HEAVY_TIMEOUT = Duration.ofSeconds(10);

    /** The measured group's result, and the heavy group's (null when there was none). */
    public record Results(LoadResult measured, LoadResult heavy) {
    }

    private MixedLoad() {
    }

    /** Runs {@code measured} alone when {@code heavy} is null, otherwise both at once. */
    public static Results run(LoadConfig measured, LoadConfig heavy) throws InterruptedException {
        if (heavy == null) {
            return new Results(LoadGenerator.run(measured), null);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
                .name("heavy-load").unstarted(r));
        try {
            Future<LoadResult> heavyResult = pool.submit(() -> LoadGenerator.run(heavy));
            Thread.sleep(HEAVY_MARGIN);
            LoadResult light = LoadGenerator.run(measured);
            return new Results(light, heavyResult.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the heavy load failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
