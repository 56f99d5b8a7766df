package poolbench.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * fasthttp's {@code workerChan}: a worker's inbox and the time it was last released.
 *
 * <p>Go gives each worker a {@code chan net.Conn} of capacity {@code workerChanCap}. Only one sender ever holds a
 * given channel at a time (the pool hands it out under its lock, and takes it back only when the worker releases
 * itself), and its one receiver is always waiting for exactly one item, so the channel never needs more than a
 * single slot and a single waiter: a volatile field and {@link LockSupport} park/unpark, without the lock and
 * condition queue of a general-purpose {@code BlockingQueue}.
 *
 * <p>Go's pool also recycles {@code workerChan}s through a {@code sync.Pool}; here a channel is bound to its
 * worker thread, and one small object per started thread is not worth recycling.
 */
abstract class WorkerChan {

    /** What a worker receives when it must exit; Go sends {@code nil}. */
    static final Object STOP = new Object();

    /**
     * When the worker last finished an item, by the pool's nanosecond clock. Written by the worker just before it
     * goes back on the ready stack, read by {@code clean} only while the channel is on that stack: the pool lock
     * orders the two.
     */
    long lastUseTime;

    /** The worker thread, the only receiver. Set before the thread starts, which publishes it to that thread. */
    Thread owner;

    /** The item on its way to the worker, or null while there is none. */
    volatile Object slot;

    /** A channel of capacity 0 (rendezvous) or 1 (one buffered item), as fasthttp's {@code workerChanCap}. */
    static WorkerChan withCapacity(int capacity) {
        return switch (capacity) {
            case 0 -> new Unbuffered();
            case 1 -> new Buffered();
            default -> throw new IllegalArgumentException("a worker channel has capacity 0 or 1, not " + capacity);
        };
    }

    /** {@code ch <- item}. Only the one sender that holds this channel calls it. */
    abstract void send(Object item);

    /** {@code <-ch}, on the owner thread: blocks until an item (or {@link #STOP}) arrives. */
    abstract Object receive();

    /**
     * Capacity 1: the send leaves the item in the slot and returns at once, so the acceptor goes back to
     * accepting while the worker wakes up.
     */
    static final class Buffered extends WorkerChan {

        @Override
        void send(Object item) {
            slot = item;
            LockSupport.unpark(owner);
        }

        @Override
        Object receive() {
            return take();
        }
    }

    /**
     * Capacity 0: the send returns only once the worker has taken the item, like an unbuffered Go channel. On one
     * CPU this hands the CPU straight to the worker instead of letting the acceptor run on.
     */
    static final class Unbuffered extends WorkerChan {

        /** The sender waiting for the item to be taken; written before {@link #slot}, cleared by the receiver. */
        private volatile Thread sender;

        @Override
        void send(Object item) {
            Thread me = Thread.currentThread();
            sender = me;
            slot = item;
            LockSupport.unpark(owner);
            boolean interrupted = false;
            while (sender == me) {
                LockSupport.park(this);
                // The hand-off is not interruptible (a Go send is not either); keep the interrupt for the caller.
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                me.interrupt();
            }
        }

        @Override
        Object receive() {
            Object item = take();
            Thread waiting = sender;
            sender = null;
            LockSupport.unpark(waiting);
            return item;
        }
    }

    /** On the owner thread: parks until an item is in the slot, then empties the slot. */
    final Object take() {
        Object item;
        while ((item = slot) == null) {
            parkIgnoringInterrupts(this);
        }
        slot = null;
        return item;
    }

    /**
     * An idle worker is told to exit by {@link #STOP}, never by an interrupt, so an interrupt has no meaning here;
     * clearing it keeps {@code park} from returning at once in a loop.
     */
    private static void parkIgnoringInterrupts(Object blocker) {
        LockSupport.park(blocker);
        Thread.interrupted();
    }
}
