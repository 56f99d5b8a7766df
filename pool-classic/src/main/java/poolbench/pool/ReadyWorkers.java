package poolbench.pool;

/**
 * fasthttp's {@code ready} slice: the idle workers' channels, oldest release first, newest last.
 *
 * <p>Workers are pushed at the newest end as they release themselves, so the contents stay sorted by
 * {@link WorkerChan#lastUseTime} whether the pool takes from the newest end (LIFO, fasthttp's order) or the oldest
 * (FIFO, the ablation). A ring buffer makes both ends O(1) and keeps indexed access for {@code clean}'s binary
 * search. Slots are cleared when taken so that exited workers can be collected, as fasthttp sets {@code ready[n] = nil}.
 * Not thread-safe: the pool lock guards it.
 */
final class ReadyWorkers {

    private WorkerChan[] ring = new WorkerChan[16];
    /** Index of the oldest element. */
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The {@code i}-th oldest element, 0 being the oldest. */
    WorkerChan get(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    void pushNewest(WorkerChan ch) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = ch;
        size++;
    }

    WorkerChan popNewest() {
        int i = (head + size - 1) & (ring.length - 1);
        WorkerChan ch = ring[i];
        ring[i] = null;
        size--;
        return ch;
    }

    WorkerChan popOldest() {
        WorkerChan ch = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        return ch;
    }

    /** Removes and returns the {@code n} oldest elements, oldest first. */
    WorkerChan[] removeOldest(int n) {
        WorkerChan[] removed = new WorkerChan[n];
        for (int i = 0; i < n; i++) {
            removed[i] = popOldest();
        }
        return removed;
    }

    WorkerChan[] removeAll() {
        return removeOldest(size);
    }

    private void grow() {
        WorkerChan[] bigger = new WorkerChan[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        ring = bigger;
        head = 0;
    }
}
