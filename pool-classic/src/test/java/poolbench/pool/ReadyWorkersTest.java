package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReadyWorkersTest {

    @Test
    @Timeout(10)
    void keepsReleaseOrderAtBothEndsAcrossWrapAndGrowth() {
        ReadyWorkers ready = new ReadyWorkers();
        Deque<WorkerChan> expected = new ArrayDeque<>();
        Random random = new Random(42);
        for (int step = 0; step < 10_000; step++) {
            int op = random.nextInt(10);
            if (op < 5 || expected.isEmpty()) {
                WorkerChan ch = WorkerChan.withCapacity(1);
                ready.pushNewest(ch);
                expected.addLast(ch);
            } else if (op < 7) {
                assertSame(expected.removeLast(), ready.popNewest());
            } else if (op < 9) {
                assertSame(expected.removeFirst(), ready.popOldest());
            } else {
                int n = random.nextInt(expected.size() + 1);
                WorkerChan[] oldest = new WorkerChan[n];
                for (int i = 0; i < n; i++) {
                    oldest[i] = expected.removeFirst();
                }
                assertArrayEquals(oldest, ready.removeOldest(n));
            }
            assertEquals(expected.size(), ready.size());
            int i = 0;
            for (WorkerChan ch : expected) {
                assertSame(ch, ready.get(i++));
            }
        }
        assertArrayEquals(expected.toArray(), ready.removeAll());
        assertEquals(0, ready.size());
    }
}
