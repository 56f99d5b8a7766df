package poolbench.loadgen;

/**
 * The requests sent on one connection and not yet answered, oldest first. HTTP/1.1 answers in request
 * order, so each response completes the oldest entry; with pipelining that is how a response is matched
 * to its send time. Preallocated: adding and removing allocate nothing.
 */
final class InFlightRequests {

    private final long[] sentAt;
    private final long[] intendedAt;
    private int head;
    private int size;

    InFlightRequests(int capacity) {
        sentAt = new long[capacity];
        intendedAt = new long[capacity];
    }

    /**
     * @param sentNanos     when the request was written
     * @param intendedNanos when the schedule meant it to be written (the same as {@code sentNanos} in a closed loop)
     */
    void add(long sentNanos, long intendedNanos) {
        int tail = (head + size) % sentAt.length;
        sentAt[tail] = sentNanos;
        intendedAt[tail] = intendedNanos;
        size++;
    }

    long oldestSentAt() {
        return sentAt[head];
    }

    long oldestIntendedAt() {
        return intendedAt[head];
    }

    void removeOldest() {
        head = (head + 1) % sentAt.length;
        size--;
    }

    /** The intended send time of the {@code i}-th oldest request. */
    long intendedAt(int i) {
        return intendedAt[(head + i) % sentAt.length];
    }

    int size() {
        return size;
    }

    int free() {
        return sentAt.length - size;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
