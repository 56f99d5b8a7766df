package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class WorkerChanTest {

    private static final Object ITEM = "item";

    /** A worker that owns a channel and receives one item from it once it is let go. */
    private record Receiver(WorkerChan ch, CountDownLatch go, CompletableFuture<Object> received) {

        /** Starts the worker on a new channel of this capacity; it waits for {@link #letGo()} before receiving. */
        static Receiver held(int capacity) {
            Receiver r = new Receiver(WorkerChan.withCapacity(capacity), new CountDownLatch(1),
                    new CompletableFuture<>());
            Thread thread = Thread.ofPlatform().daemon().unstarted(() -> {
                try {
                    r.go.await();
                    r.received.complete(r.ch.receive());
                } catch (InterruptedException e) {
                    r.received.completeExceptionally(e);
                }
            });
            r.ch.owner = thread;
            thread.start();
            return r;
        }

        void letGo() {
            go.countDown();
        }

        /** The item the worker received, waited for up to 5 s. */
        Object item() throws Exception {
            return received.get(5, TimeUnit.SECONDS);
        }
    }

    /** Sends {@link #ITEM} from a new daemon thread, then runs {@code afterSend} on that thread. */
    private static Thread sendFromAnotherThread(WorkerChan ch, Runnable afterSend) {
        return Thread.ofPlatform().daemon().start(() -> {
            ch.send(ITEM);
            afterSend.run();
        });
    }

    @Test
    void capacityOneSendReturnsBeforeTheWorkerReceives() throws Exception {
        Receiver receiver = Receiver.held(1);
        WorkerChan ch = receiver.ch();

        ch.send(ITEM);
        assertFalse(receiver.received().isDone());
        receiver.letGo();
        assertSame(ITEM, receiver.item());
    }

    @Test
    void capacityZeroSendWaitsUntilTheWorkerHasTheItem() throws Exception {
        Receiver receiver = Receiver.held(0);
        WorkerChan ch = receiver.ch();
        CountDownLatch sent = new CountDownLatch(1);
        sendFromAnotherThread(ch, sent::countDown);

        assertFalse(sent.await(50, TimeUnit.MILLISECONDS), "no receiver yet, so the send still waits");
        receiver.letGo();
        assertTrue(sent.await(5, TimeUnit.SECONDS));
        assertSame(ITEM, receiver.item());
    }

    @Test
    void anInterruptedSenderStillHandsOffAndKeepsItsInterrupt() throws Exception {
        Receiver receiver = Receiver.held(0);
        WorkerChan ch = receiver.ch();
        CompletableFuture<Boolean> interruptedAfterSend = new CompletableFuture<>();
        Thread sender = sendFromAnotherThread(ch,
                () -> interruptedAfterSend.complete(Thread.currentThread().isInterrupted()));

        sender.interrupt();
        receiver.letGo();
        assertTrue(interruptedAfterSend.get(5, TimeUnit.SECONDS));
        assertSame(ITEM, receiver.item());
    }

    /**
     * A worker parked in {@code receive} on a new channel of this capacity. The channel's owner is another thread,
     * so that a send's wake-up never reaches the worker: what a send does then cannot depend on the worker running.
     */
    private static Thread parkedReceiver(WorkerChan ch, CompletableFuture<Object> received) throws Exception {
        ch.owner = Thread.ofPlatform().daemon().unstarted(() -> { });
        Thread receiver = Thread.ofPlatform().daemon().start(() -> received.complete(ch.receive()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (receiver.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the worker never parked in receive");
            Thread.sleep(1);
        }
        return receiver;
    }

    /**
     * As in Go, a send to a worker already waiting hands the item over and returns, for either capacity: the
     * acceptor does not park until the worker has run (on one CPU that would be one more wake-up per connection).
     */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void aSendToAWaitingWorkerReturnsWithoutWaitingForItToRun(int capacity) throws Exception {
        WorkerChan ch = WorkerChan.withCapacity(capacity);
        CompletableFuture<Object> received = new CompletableFuture<>();
        Thread receiver = parkedReceiver(ch, received);
        CountDownLatch sent = new CountDownLatch(1);
        sendFromAnotherThread(ch, sent::countDown);

        assertTrue(sent.await(5, TimeUnit.SECONDS), "the send waited for a worker that could not run");
        LockSupport.unpark(receiver);
        assertSame(ITEM, received.get(5, TimeUnit.SECONDS));
    }
}
