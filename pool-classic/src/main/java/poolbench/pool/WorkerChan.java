package poolbench.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>The slot also says whether the worker is already waiting, as a Go channel knows its waiting receivers: a send
 * to a waiting worker puts the item in and wakes it, and never waits for it, whatever the capacity; a worker that
 * comes to a slot already holding its item takes it without parking, and is not woken for it.
 *
 * <p>Go's pool also recycles {@code workerChan}s through a {@code sync.Pool}; here a channel is bound to its
 * worker thread, and one small object per started thread is not worth recycling.
 */
abstract class WorkerChan {

    /** What a worker receives when it must exit; Go sends {@code nil}. */
    static final Object STOP = new Object();

    /** In the slot while the worker is parked waiting for an item: the sender must wake it. */
    private static final Object RECEIVER_WAITING = new Object();

    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(WorkerChan.class, "slot", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * When the worker last finished an item, by the pool's nanosecond clock. Written by the worker just before it
     * goes back on the ready stack, read by {@code clean} only while the channel is on that stack: the pool lock
     * orders the two.
     */
    long lastUseTime;

    /** The worker thread, the only receiver. Set before the thread starts, which publishes it to that thread. */
    Thread owner;

    /**
     * Null while there is no item and the worker is not waiting; {@link #RECEIVER_WAITING} while it waits; else the
     * item on its way. A send starts only when no item is in it (the worker took the last one before releasing
     * itself, and only then can the pool hand the channel out again).
     */
    private volatile Object slot;

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
            if (SLOT.getAndSet(this, item) == RECEIVER_WAITING) {
                LockSupport.unpark(owner);
            }
        }

        @Override
        Object receive() {
            awaitItem();
            return takeItem();
        }
    }

    /**
     * Capacity 0, an unbuffered Go channel: a send to a worker already waiting hands the item over, wakes the worker
     * and returns (Go readies the receiver to run next, and the sender runs on until it blocks, in its next accept);
     * a send to a worker not yet waiting returns only once the worker has taken the item. On one CPU the acceptor so
     * neither runs ahead of the worker nor parks to be woken back by it for every connection.
     */
    static final class Unbuffered extends WorkerChan {

        /** The sender waiting for the item to be taken; written before the item, cleared by the receiver. */
        private volatile Thread sender;

        @Override
        void send(Object item) {
            if (handToWaitingReceiver(item)) {
                return;
            }
            Thread me = Thread.currentThread();
            sender = me;
            if (!putForLaterReceiver(item)) {
                // The worker began waiting in between: it takes the item without looking for a sender.
                sender = null;
                handToWaitingReceiver(item);
                return;
            }
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
            if (awaitItem()) {
                return takeItem();
            }
            // The item was there first: its sender is waiting to hear that it has been taken.
            Object item = takeItem();
            Thread waiting = sender;
            sender = null;
            LockSupport.unpark(waiting);
            return item;
        }
    }

    /** Puts {@code item} in for a worker that is waiting, and wakes it; false when the worker is not waiting. */
    final boolean handToWaitingReceiver(Object item) {
        if (SLOT.compareAndSet(this, RECEIVER_WAITING, item)) {
            LockSupport.unpark(owner);
            return true;
        }
        return false;
    }

    /** Puts {@code item} in for a worker that has not come to wait yet; false when it has come meanwhile. */
    final boolean putForLaterReceiver(Object item) {
        return SLOT.compareAndSet(this, null, item);
    }

    /**
     * On the owner thread: returns once an item is in the slot, parking until then; true when the worker waited
     * for it (its sender found the worker waiting and did not wait itself), false when the item was there first.
     */
    final boolean awaitItem() {
        if (slot != null || !SLOT.compareAndSet(this, null, RECEIVER_WAITING)) {
            return false;
        }
        while (slot == RECEIVER_WAITING) {
            parkIgnoringInterrupts(this);
        }
        return true;
    }

    /** On the owner thread, after {@link #awaitItem}: empties the slot. */
    final Object takeItem() {
        Object item = slot;
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
