package poolbench.server.accept;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Pipe;
import java.util.function.Consumer;

/**
 * Two file descriptors the process holds in reserve (a pipe's two ends) so that, out of descriptors, the stats
 * endpoint can still answer: it releases them, accepts into the first, reads {@code /proc} with the second, and takes
 * them back. The classic trick of servers that must stay reachable when a limit is hit.
 *
 * <p>An accept loop that has failed for want of descriptors accepts under the reserve's lock
 * ({@link #acceptWhileShort}) until an accept finds nobody waiting, so the two descriptors the stats endpoint frees
 * go to it and not to the next connection waiting in the arm's listen queue. A thread that opens a file meanwhile may still take one; then the
 * reserve stays empty until two descriptors are free again.
 */
public final class DescriptorReserve {

    /** One reserve for the process: descriptors are a process-wide limit. */
    public static final DescriptorReserve PROCESS = new DescriptorReserve();

    private Pipe held;

    private DescriptorReserve() {
        refill();
    }

    /**
     * An accept for a loop whose accepts have been failing: waits at most {@code timeoutMillis} (then throws
     * {@link java.net.SocketTimeoutException}: nobody is waiting), and never while the reserve is released.
     */
    synchronized Socket acceptWhileShort(ServerSocket listener, int timeoutMillis) throws IOException {
        int before = listener.getSoTimeout();
        listener.setSoTimeout(timeoutMillis);
        try {
            return listener.accept();
        } finally {
            listener.setSoTimeout(before);
        }
    }

    /**
     * Releases the reserve, accepts one connection on {@code listener} into it, lets {@code answer} serve and close
     * it, and takes the reserve back. False when the reserve was empty or the accept failed anyway.
     */
    public synchronized boolean answerOne(ServerSocket listener, Consumer<Socket> answer) {
        if (held == null) {
            refill();
            return false;
        }
        close(held);
        held = null;
        try {
            answer.accept(listener.accept());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            refill();
        }
    }

    private void refill() {
        try {
            held = Pipe.open();
        } catch (IOException e) {
            held = null;
        }
    }

    private static void close(Pipe pipe) {
        try {
            pipe.source().close();
            pipe.sink().close();
        } catch (IOException e) {
            // Closing a pipe we own does not fail in practice; its descriptors are gone either way.
        }
    }
}
