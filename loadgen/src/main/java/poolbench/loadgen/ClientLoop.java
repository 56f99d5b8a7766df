package poolbench.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One thread's share of the connections, driven by one selector, as wrk does: non-blocking sockets, a
 * direct read buffer shared by all of them (the parser keeps no bytes), the request encoded once, and
 * nothing allocated per request.
 *
 * <p>Closed loop: each connection keeps {@code pipeline} requests in flight and writes the next ones as
 * answers arrive. Open loop: requests are due on an {@link OpenLoopSchedule} and each goes to the next
 * connection with a free slot; latency runs from the intended send time.
 *
 * <p>At the send deadline the loop stops writing and waits for the answers still in flight, at most until
 * the drain deadline; what is still unanswered then is counted as timed out. So every request counted
 * as sent ends as a response or as exactly one lost request of one error kind, and each error's cause goes into
 * {@link #causes}. A connection the server ends (a close or a reset, at any point) is counted as closed by the
 * server, whatever it cost.
 */
final class ClientLoop implements Runnable {

    /** How long a connection waits after a failed connect, so that a refusing server is not hammered in a tight loop. */
    static final long RECONNECT_BACKOFF_NANOS = 10_000_000L;
    /**
     * Connects in flight at once. Ten thousand SYNs at once overflow the server's accept queue (the kernel's
     * somaxconn, often 4096): the dropped handshakes are retried a second later, past the request timeout, and
     * turn into connect and timeout errors that measure the kernel, not the server. The rest wait their turn
     * (the timers run every 10 ms), which opens 10,000 connections in a fraction of a second on loopback.
     */
    static final int MAX_CONNECTS_IN_FLIGHT = 512;
    /** Upper bound of one select: timers (timeouts, reconnects, deadlines) are checked at least this often. */
    private static final long MAX_WAIT_NANOS = 10_000_000L;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private final InetSocketAddress address;
    /** The address's own family: an IPv4 target gets a plain AF_INET socket, not a dual-stack IPv6 one. */
    private final ProtocolFamily family;
    private final RunClock clock;
    private final OpenLoopSchedule schedule;
    private final boolean closeEachRequest;
    private final long timeoutNanos;
    /** Connections in CONNECTING: at most {@link #MAX_CONNECTS_IN_FLIGHT}. */
    private int connectsInFlight;
    private final int requestLength;
    private final ConnectionState[] connections;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Selector selector;
    private final Consumer<SelectionKey> onReady = this::onReady;

    final LoopCounters counters = new LoopCounters();
    final LoopRecorders recorders = new LoopRecorders();
    final ErrorCauses causes = new ErrorCauses();
    private final String noResponseInTime;
    private final String noConnectionInTime;

    private volatile boolean stopRequested;
    private Throwable failure;
    private long cpuAtMeasureStart = -1;
    private long cpuAtEnd = -1;
    private boolean sending = true;
    private long now;
    private long nextTimerCheck;
    private int cursor;

    /**
     * @param schedule null for a closed loop
     */
    ClientLoop(InetSocketAddress address, RunClock clock, OpenLoopSchedule schedule, byte[] request,
               int connectionCount, int pipeline, boolean closeEachRequest, long timeoutNanos) throws IOException {
        this.address = address;
        this.family = address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        this.clock = clock;
        this.schedule = schedule;
        this.closeEachRequest = closeEachRequest;
        this.timeoutNanos = timeoutNanos;
        String timeout = DurationText.format(Duration.ofNanos(timeoutNanos));
        this.noResponseInTime = "no response within " + timeout;
        this.noConnectionInTime = "no connection within " + timeout;
        this.requestLength = request.length;
        ByteBuffer requestBytes = ByteBuffer.allocateDirect(request.length * pipeline);
        for (int i = 0; i < pipeline; i++) {
            requestBytes.put(request);
        }
        this.connections = new ConnectionState[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new ConnectionState(pipeline, requestBytes);
        }
        this.selector = Selector.open();
    }

    /** Ends the loop soon, without waiting for answers in flight (those are counted as abandoned). */
    void stop() {
        stopRequested = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            closeAll();
        }
    }

    /** What ended the loop abnormally (a selector failure), or null; read it after the thread has ended. */
    Throwable failure() {
        return failure;
    }

    private void loop() throws IOException {
        now = System.nanoTime();
        for (ConnectionState c : connections) {
            open(c);
        }
        nextTimerCheck = now;
        boolean running = true;
        while (running && !stopRequested) {
            running = turn();
        }
        now = System.nanoTime();
        if (stopRequested) {
            countUnanswered(Counter.ABANDONED, null);
        } else {
            countUnanswered(Counter.TIMEOUTS, noResponseInTime);
        }
        cpuAtEnd = THREAD_CPU.getCurrentThreadCpuTime();
    }

    /**
     * One turn of the loop: phase changes, timers, due sends, then one select. False when the loop is done.
     * A method of its own so that the JIT compiles it after a few thousand calls; as the body of the
     * long-running loop it would wait for on-stack replacement and run interpreted for seconds.
     */
    private boolean turn() throws IOException {
        now = System.nanoTime();
        if (cpuAtMeasureStart < 0 && clock.measured(now)) {
            cpuAtMeasureStart = THREAD_CPU.getCurrentThreadCpuTime();
        }
        if (sending && now >= clock.sendDeadline()) {
            stopSending();
        }
        if (!sending && (now >= clock.drainDeadline() || !anyInFlight())) {
            return false;
        }
        if (now >= nextTimerCheck) {
            checkTimers();
            nextTimerCheck = now + Math.min(MAX_WAIT_NANOS, timeoutNanos / 4);
        }
        long wait = Math.min(nextTimerCheck, sending ? clock.sendDeadline() : clock.drainDeadline()) - now;
        if (schedule != null && sending && sendDue()) {
            wait = Math.min(wait, schedule.nextIntendedTime() - now);
        }
        if (wait <= 0) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, (wait + 999_999) / 1_000_000);
        }
        return true;
    }

    /**
     * CPU time this loop's thread used from the start of measurement to its end (waiting for the last
     * answers included), or 0 when it never got there. Read it after the thread has ended. Close to the
     * measured wall time means the generator was saturated: it may have been the bottleneck.
     */
    long measuredCpuNanos() {
        return cpuAtMeasureStart < 0 || cpuAtEnd < 0 ? 0 : cpuAtEnd - cpuAtMeasureStart;
    }

    private void stopSending() {
        sending = false;
        if (schedule != null) {
            counters.add(Counter.UNSENT, schedule.dueBefore(clock.sendDeadline()));
        }
    }

    /**
     * Open loop: writes every request that is due, each on the next connection with a free slot.
     *
     * @return true when a connection is still free (so the loop must wake for the next intended time),
     *     false when due requests wait for a connection (a response will wake the loop)
     */
    private boolean sendDue() {
        while (schedule.nextIntendedTime() <= now && schedule.nextIntendedTime() < clock.sendDeadline()) {
            ConnectionState c = nextFreeConnection();
            if (c == null) {
                return false;
            }
            long intended = schedule.take();
            now = System.nanoTime();
            if (clock.measured(intended)) {
                counters.increment(Counter.SENT);
                recorders.scheduleLag.recordValue(Math.max(0, now - Math.max(intended, c.freeSince)));
            }
            c.inFlight.add(now, intended);
            write(c, requestLength);
        }
        return true;
    }

    private ConnectionState nextFreeConnection() {
        for (int i = 0; i < connections.length; i++) {
            ConnectionState c = connections[cursor];
            cursor = cursor + 1 == connections.length ? 0 : cursor + 1;
            if (c.canSend()) {
                return c;
            }
        }
        return null;
    }

    /** Closed loop: fills the connection's free pipeline slots with one write. */
    private void fill(ConnectionState c) {
        if (!mayWrite(c) || c.writePending || c.phase != ConnectionState.Phase.CONNECTED) {
            return;
        }
        int n = c.inFlight.free();
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            c.inFlight.add(now, now);
        }
        if (clock.measured(now)) {
            counters.add(Counter.SENT, n);
        }
        write(c, n * requestLength);
    }

    /**
     * New requests are written until the send deadline. With a connection per request, a connection opened
     * before the deadline still carries its request when it connects after it: each opened connection then
     * serves exactly one request, so the server's count of connections equals the count of requests.
     */
    private boolean mayWrite(ConnectionState c) {
        return closeEachRequest ? c.connectStartedAt < clock.sendDeadline() : sending;
    }

    /** Connections are (re)opened only for requests that may still be sent. */
    private boolean mayConnect() {
        return sending && now < clock.sendDeadline();
    }

    private void write(ConnectionState c, int bytes) {
        ByteBuffer view = c.requestView;
        view.limit(bytes).position(0);
        flush(c);
    }

    /** Writes what remains of the connection's request bytes; false when the connection failed. */
    private boolean flush(ConnectionState c) {
        int written;
        try {
            written = c.channel.write(c.requestView);
        } catch (IOException e) {
            countClosedByServer();
            fail(c, Counter.WRITE_ERRORS, ErrorCauses.of(e));
            return false;
        }
        if (clock.measured(now)) {
            counters.add(Counter.BYTES_WRITTEN, written);
        }
        boolean pending = c.requestView.hasRemaining();
        if (pending != c.writePending) {
            c.writePending = pending;
            c.key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
        if (!pending) {
            c.freeSince = now;
        }
        return true;
    }

    private void onReady(SelectionKey key) {
        ConnectionState c = (ConnectionState) key.attachment();
        if (c.key != key || !key.isValid()) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            finishConnect(c);
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && c.writePending) {
            now = System.nanoTime();
            if (!flush(c)) {
                return;
            }
            if (!c.writePending && schedule == null) {
                fill(c);
            }
        }
        if ((ready & SelectionKey.OP_READ) != 0) {
            read(c);
        }
    }

    private void read(ConnectionState c) {
        SocketChannel channel = c.channel;
        while (true) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                now = System.nanoTime();
                countClosedByServer();
                fail(c, Counter.READ_ERRORS, ErrorCauses.of(e));
                return;
            }
            now = System.nanoTime();
            if (n < 0) {
                endOfStream(c);
                return;
            }
            if (n == 0) {
                break;
            }
            if (clock.measured(now)) {
                counters.add(Counter.BYTES_READ, n);
            }
            int position = 0;
            while (position < n) {
                int end = c.parser.parse(readBuffer, position, n);
                if (end == ResponseParser.NEED_MORE) {
                    break;
                }
                if (end == ResponseParser.MALFORMED) {
                    // Nothing after bytes that are not a response can be matched to a request: the connection is lost.
                    fail(c, Counter.PARSE_ERRORS, ErrorCauses.NOT_HTTP);
                    return;
                }
                if (!responseCompleted(c)) {
                    return;
                }
                position = end;
            }
            if (n < readBuffer.capacity()) {
                break;
            }
        }
        if (schedule == null) {
            fill(c);
        }
    }

    /**
     * Matches the response that just completed to the oldest request in flight and records it.
     *
     * @return false when the connection was closed (and possibly reopened): stop using it
     */
    private boolean responseCompleted(ConnectionState c) {
        if (c.inFlight.size() == 0) {
            // A response nobody asked for: the stream is out of step and nothing after it can be matched.
            fail(c, Counter.PARSE_ERRORS, ErrorCauses.UNASKED_RESPONSE);
            return false;
        }
        long sent = c.inFlight.oldestSentAt();
        long intended = c.inFlight.oldestIntendedAt();
        c.inFlight.removeOldest();
        if (clock.measured(intended)) {
            recorders.latency.recordValue(Math.max(0, now - intended));
            if (schedule != null) {
                recorders.serviceTime.recordValue(Math.max(0, now - sent));
            }
            counters.increment(Counter.RESPONSES);
            countStatus(c.parser.status());
        }
        if (c.parser.serverCloses() || closeEachRequest) {
            if (!closeEachRequest) {
                countClosedByServer();
            }
            // Requests pipelined behind a closing response will never be answered.
            fail(c, Counter.READ_ERRORS, ErrorCauses.PIPELINED_BEHIND_CLOSE);
            return false;
        }
        c.freeSince = now;
        return true;
    }

    private void countStatus(int status) {
        Counter statusClass = switch (status / 100) {
            case 1 -> Counter.STATUS_1XX;
            case 2 -> Counter.STATUS_2XX;
            case 3 -> Counter.STATUS_3XX;
            case 4 -> Counter.STATUS_4XX;
            case 5 -> Counter.STATUS_5XX;
            default -> Counter.STATUS_OTHER;
        };
        counters.increment(statusClass);
        if (status < 200 || status >= 400) {
            counters.increment(Counter.STATUS_ERRORS);
        }
    }

    /**
     * The server ended the connection. A response whose body runs until the close is complete now; between
     * responses with nothing in flight the close loses nothing (an idle connection closed); otherwise the requests
     * in flight are lost.
     */
    private void endOfStream(ConnectionState c) {
        if (c.parser.completesAtEndOfStream()) {
            responseCompleted(c);
            return;
        }
        countClosedByServer();
        if (c.inFlight.size() == 0 && c.parser.betweenResponses()) {
            reopen(c);
        } else {
            fail(c, Counter.READ_ERRORS, c.parser.betweenResponses()
                    ? ErrorCauses.CLOSED_BEFORE_RESPONSE : ErrorCauses.CLOSED_MID_RESPONSE);
        }
    }

    private void countClosedByServer() {
        if (clock.measured(now)) {
            counters.increment(Counter.CLOSED_BY_SERVER);
        }
    }

    /** Counts every request in flight on the connection as lost to {@code kind} by {@code cause}, then reconnects. */
    private void fail(ConnectionState c, Counter kind, String cause) {
        countLost(c, kind, cause);
        reopen(c);
    }

    /** {@code cause} is null for requests that are not errors (abandoned when the run was stopped). */
    private void countLost(ConnectionState c, Counter kind, String cause) {
        InFlightRequests inFlight = c.inFlight;
        long lost = 0;
        for (int i = 0; i < inFlight.size(); i++) {
            if (clock.measured(inFlight.intendedAt(i))) {
                lost++;
            }
        }
        if (lost > 0) {
            counters.add(kind, lost);
            if (cause != null) {
                causes.add(cause, lost);
            }
        }
        inFlight.clear();
    }

    private void reopen(ConnectionState c) {
        close(c);
        if (mayConnect()) {
            open(c);
        }
    }

    private void open(ConnectionState c) {
        if (connectsInFlight >= MAX_CONNECTS_IN_FLIGHT) {
            c.phase = ConnectionState.Phase.WAITING_TO_RECONNECT;
            c.reconnectAt = now;
            return;
        }
        connectsInFlight++;
        c.phase = ConnectionState.Phase.CONNECTING;
        c.connectStartedAt = now;
        try {
            SocketChannel channel = SocketChannel.open(family);
            c.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(address);
            c.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            if (connected) {
                connected(c);
            }
        } catch (IOException e) {
            connectFailed(c, ErrorCauses.of(e));
        }
    }

    private void finishConnect(ConnectionState c) {
        now = System.nanoTime();
        try {
            if (!c.channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            connectFailed(c, ErrorCauses.of(e));
            return;
        }
        c.key.interestOps(SelectionKey.OP_READ);
        connected(c);
    }

    private void connected(ConnectionState c) {
        connectsInFlight--;
        c.phase = ConnectionState.Phase.CONNECTED;
        c.freeSince = now;
        if (clock.measured(now)) {
            counters.increment(Counter.CONNECTIONS_OPENED);
        }
        if (schedule == null) {
            fill(c);
        }
    }

    private void connectFailed(ConnectionState c, String cause) {
        connectsInFlight--;
        if (clock.measured(now)) {
            counters.increment(Counter.CONNECT_ERRORS);
            causes.add(cause, 1);
        }
        close(c);
        c.phase = ConnectionState.Phase.WAITING_TO_RECONNECT;
        c.reconnectAt = now + RECONNECT_BACKOFF_NANOS;
    }

    /** Timeouts of connects and of requests in flight, and reconnects after a back-off. */
    private void checkTimers() {
        for (ConnectionState c : connections) {
            switch (c.phase) {
                case CONNECTING -> {
                    if (now - c.connectStartedAt >= timeoutNanos) {
                        connectFailed(c, noConnectionInTime);
                    }
                }
                case CONNECTED -> {
                    if (c.inFlight.size() > 0 && now - c.inFlight.oldestSentAt() >= timeoutNanos) {
                        fail(c, Counter.TIMEOUTS, noResponseInTime);
                    }
                }
                case WAITING_TO_RECONNECT -> {
                    if (mayConnect() && now >= c.reconnectAt) {
                        open(c);
                    }
                }
                case CLOSED -> {
                }
            }
        }
    }

    /** Requests in flight, or (one connection per request) connections opened for a request not yet written. */
    private boolean anyInFlight() {
        for (ConnectionState c : connections) {
            if (c.inFlight.size() > 0 || (closeEachRequest && c.phase == ConnectionState.Phase.CONNECTING)) {
                return true;
            }
        }
        return false;
    }

    private void countUnanswered(Counter kind, String cause) {
        for (ConnectionState c : connections) {
            countLost(c, kind, cause);
        }
    }

    private void close(ConnectionState c) {
        c.phase = ConnectionState.Phase.CLOSED;
        c.writePending = false;
        c.parser.reset();
        c.inFlight.clear();
        c.key = null;
        SocketChannel channel = c.channel;
        c.channel = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a broken socket can fail; it is gone either way.
            }
        }
    }

    private void closeAll() {
        for (ConnectionState c : connections) {
            close(c);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing is left to release.
        }
    }
}
