package poolbench.loadgen;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One client connection of a {@link ClientLoop}: its socket, what is in flight on it, and its parse. */
final class ConnectionState {

    enum Phase { CLOSED, CONNECTING, CONNECTED, WAITING_TO_RECONNECT }

    final InFlightRequests inFlight;
    final ResponseParser parser = new ResponseParser();
    /** This connection's window onto the loop's shared pre-encoded request bytes. */
    final ByteBuffer requestView;

    Phase phase = Phase.CLOSED;
    SocketChannel channel;
    SelectionKey key;
    long connectStartedAt;
    long reconnectAt;
    /** Since when a request could have been sent here (open loop), to tell the generator's lag from the server's. */
    long freeSince;
    boolean writePending;

    ConnectionState(int pipeline, ByteBuffer requestBytes) {
        this.inFlight = new InFlightRequests(pipeline);
        this.requestView = requestBytes.duplicate();
    }

    /** Open loop: a request can be written now without queueing behind a partial write. */
    boolean canSend() {
        return phase == Phase.CONNECTED && !writePending && inFlight.free() > 0;
    }
}
