package poolbench.server.contract;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import poolbench.server.connection.ConnectionServer;
import poolbench.server.connection.ConnectionServerFactory;

/**
 * Connection servers that serve nothing: each records which server and thread took a connection, holds it until
 * the test finishes it, then closes it; the factory counts the servers made and the servers closed.
 */
public final class FakeConnectionServerFactory implements ConnectionServerFactory {

    public static final Duration WAIT = Duration.ofSeconds(10);

    /** One connection taken: by which server (numbered from 1 in creation order) on which thread. */
    public record Served(Socket connection, int server, Thread thread) {
    }

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();
    private final Map<Socket, CountDownLatch> held = new ConcurrentHashMap<>();

    /** An unconnected socket standing for an accepted connection, held by its server until {@link #finish}. */
    public Socket connection() {
        Socket socket = new Socket();
        held.put(socket, new CountDownLatch(1));
        return socket;
    }

    public void finish(Socket connection) {
        held.get(connection).countDown();
    }

    /** The next connection taken by a server. */
    public Served awaitServed() throws InterruptedException {
        Served next = served.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no connection served within " + WAIT);
        }
        return next;
    }

    public int created() {
        return created.get();
    }

    /** Servers whose {@link ConnectionServer#close} has been called. */
    public int closed() {
        return closed.get();
    }

    @Override
    public ConnectionServer newConnectionServer() {
        int id = created.incrementAndGet();
        return new ConnectionServer() {
            @Override
            public void serve(Socket connection) throws IOException {
                try (connection) {
                    served.add(new Served(connection, id, Thread.currentThread()));
                    if (!held.get(connection).await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IOException("connection never finished by the test");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
