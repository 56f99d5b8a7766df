package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkerChanTest {

    private static final Object ITEM = "item";

    /** A receiver thread that waits for {@code go} before it receives once. */
    private static Thread receiver(WorkerChan ch, CountDownLatch go, CompletableFuture<Object> received) {
        Thread thread = Thread.ofPlatform().daemon().unstarted(() -> {
            try {
                go.await();
                received.complete(ch.receive());
            } catch (InterruptedException e) {
                received.completeExceptionally(e);
            }
        });
        ch.owner = thread;
        thread.start();
        return thread;
    }

    @Test
    @Timeout(10)
    void capacityOneSendReturnsBeforeTheWorkerReceives() throws Exception {
        WorkerChan ch = WorkerChan.withCapacity(1);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> received = new CompletableFuture<>();
        receiver(ch, go, received);

        ch.send(ITEM);
        assertFalse(received.isDone());
        go.countDown();
        assertSame(ITEM, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    @Timeout(10)
    void capacityZeroSendWaitsUntilTheWorkerHasTheItem() throws Exception {
        WorkerChan ch = WorkerChan.withCapacity(0);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> received = new CompletableFuture<>();
        receiver(ch, go, received);
        CountDownLatch sent = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            ch.send(ITEM);
            sent.countDown();
        });

        assertFalse(sent.await(50, TimeUnit.MILLISECONDS), "no receiver yet, so the send still waits");
        go.countDown();
        assertTrue(sent.await(5, TimeUnit.SECONDS));
        assertSame(ITEM, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    @Timeout(10)
    void anInterruptedSenderStillHandsOffAndKeepsItsInterrupt() throws Exception {
        WorkerChan ch = WorkerChan.withCapacity(0);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Object> received = new CompletableFuture<>();
        receiver(ch, go, received);
        CompletableFuture<Boolean> interruptedAfterSend = new CompletableFuture<>();
        Thread sender = Thread.ofPlatform().daemon().start(() -> {
            ch.send(ITEM);
            interruptedAfterSend.complete(Thread.currentThread().isInterrupted());
        });

        sender.interrupt();
        go.countDown();
        assertTrue(interruptedAfterSend.get(5, TimeUnit.SECONDS));
        assertSame(ITEM, received.get(5, TimeUnit.SECONDS));
    }
}
