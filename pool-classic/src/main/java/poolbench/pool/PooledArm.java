package poolbench.pool;

import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.NamedArm;

/**
 * What the three pooled arms ({@code classic}, {@code jdk-pool}, {@code virtual-pooled}) share: a name, a cap that
 * defaults to fasthttp's {@code DefaultConcurrency}, idle workers that go after {@code maxIdleWorkerDuration}, and
 * every {@link ArmOptions} honoured. They differ in the pool and its threads, which is all their subclasses say.
 */
public abstract class PooledArm extends NamedArm {

    /**
     * @param name  the arm's name on the command line
     * @param model the pool and its threads, e.g. {@code "fasthttp workerPool on platform threads: LIFO ready stack"}
     * @param idle  what becomes of an idle worker
     * @param order how the order option is honoured, when not plainly
     */
    protected PooledArm(String name, String model, String idle, String order) {
        super(name, model + ", capped at concurrency (default " + ArmOptions.DEFAULT_CONCURRENCY + "), " + idle
                + "; honours concurrency, maxIdleWorkerDuration, order" + order + ", logAllErrors");
    }
}
