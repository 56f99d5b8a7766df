package poolbench.server.stats;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import poolbench.server.endpoints.DownstreamClient;

/**
 * The server's own counters (cumulative, so a reader takes deltas over its window) and the set of open
 * connections, which lets a stop close them instead of waiting for every client to leave.
 *
 * <p>The counting methods are public for the parts of the server in other packages that count (the accept loop,
 * the connection loops, the deadline sweeper, the outbound calls); readers use the getters, through a
 * {@link StatsSnapshot}.
 */
public final class ServerStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder requestTimeouts = new LongAdder();
    private final LongAdder writeTimeouts = new LongAdder();
    private final LongAdder downstreamFailures = new LongAdder();
    private final LongAdder downstreamTimeouts = new LongAdder();
    private final LongAdder databaseUnavailable = new LongAdder();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<DownstreamClient> downstreamOpen = ConcurrentHashMap.newKeySet();

    public void connectionAccepted(Socket s) {
        accepted.increment();
        open.add(s);
    }

    public void connectionRejected(Socket s) {
        rejected.increment();
        open.remove(s);
    }

    /** A connection handed to a dispatcher has ended (closed by either side). */
    public void connectionEnded(Socket s) {
        if (open.remove(s)) {
            served.increment();
        }
    }

    public void requestsAnswered(int n) {
        requests.add(n);
    }

    /**
     * A request did not arrive whole within the read timeout, and its connection was closed: after a 408, or, when
     * only the body of an answered request was late, without one.
     */
    public void requestTimedOut() {
        requestTimeouts.increment();
    }

    /** A write blocked longer than the write timeout; the watchdog closed its connection. */
    public void writeTimedOut() {
        writeTimeouts.increment();
    }

    /** A /downstream call failed: the backend refused, reset, closed or answered badly (502). */
    public void downstreamFailed() {
        downstreamFailures.increment();
    }

    /** A /downstream call got no answer within its timeout (504). */
    public void downstreamTimedOut() {
        downstreamTimeouts.increment();
    }

    /** A /db request got no connection or its query failed (503). */
    public void databaseWasUnavailable() {
        databaseUnavailable.increment();
    }

    public void downstreamClientOpened(DownstreamClient c) {
        downstreamOpen.add(c);
    }

    public void downstreamClientClosed(DownstreamClient c) {
        downstreamOpen.remove(c);
    }

    /** Closes every open connection and downstream client; their workers then end at their next read or write. */
    public void closeAllOpen() {
        for (DownstreamClient c : downstreamOpen) {
            c.close();
        }
        downstreamOpen.clear();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is best effort at stop; the worker that owns the socket closes it again.
            }
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long connectionsAccepted() {
        return accepted.sum();
    }

    public long connectionsRejected() {
        return rejected.sum();
    }

    /** Connections handed to the dispatcher that have ended. */
    public long connectionsServed() {
        return served.sum();
    }

    /** Connections closed with a 408 because their request took longer than the read timeout to arrive. */
    public long requestsTimedOut() {
        return requestTimeouts.sum();
    }

    /** Connections the watchdog closed because a write to them blocked longer than the write timeout. */
    public long writesTimedOut() {
        return writeTimeouts.sum();
    }

    public long downstreamFailures() {
        return downstreamFailures.sum();
    }

    public long downstreamTimeouts() {
        return downstreamTimeouts.sum();
    }

    /** /db requests answered 503 because the pool had no connection in time or the query failed. */
    public long databaseUnavailable() {
        return databaseUnavailable.sum();
    }

    /** Downstream clients made and not yet closed (each holds at most one backend connection). */
    public int downstreamClientsOpen() {
        return downstreamOpen.size();
    }

    public int connectionsOpen() {
        return open.size();
    }
}
