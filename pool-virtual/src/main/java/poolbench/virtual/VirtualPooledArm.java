package poolbench.virtual;

import poolbench.pool.WorkerPoolArm;

/**
 * The classic fasthttp pool with virtual workers: the one difference from {@code classic} is the thread factory.
 * It puts the JDK's advice "never pool virtual threads" to the test: does reuse still buy anything (buffers kept
 * per worker, no thread start) once a thread costs about as much as the objects a pool recycles?
 */
public final class VirtualPooledArm extends WorkerPoolArm {

    public VirtualPooledArm() {
        super("virtual-pooled", "virtual", () -> Thread.ofVirtual().name("virtual-pooled-", 0).factory());
    }
}
