package poolbench.pool;

/**
 * fasthttp's worker pool on platform threads. Workers are daemon threads, as virtual threads always are, so the
 * arms differ only in the model under test; the server's stop decides when the JVM may exit, not a worker still
 * holding a keep-alive connection.
 */
public final class ClassicArm extends WorkerPoolArm {

    public ClassicArm() {
        super("classic", "platform", () -> Thread.ofPlatform().daemon().name("classic-worker-", 0).factory());
    }
}
