package poolbench.bench.jmh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;

/**
 * What does one request cost end to end over 127.0.0.1 on each arm, on a kept-alive connection and on a new one?
 *
 * <p>The server runs in this JVM behind the arm under test; one blocking client sends {@code GET /plaintext} and
 * reads the response. {@code keepAliveRequest} reuses one connection, so after the first request the arm's
 * dispatch is not involved at all: the arms should score the same, and a difference there is a difference in how
 * their threads wake up (a virtual thread's read parks it and a carrier must pick it up again).
 * {@code requestOnNewConnection} connects, asks for {@code Connection: close}, and waits for the server's close:
 * every op is an accept, a dispatch and a connection's whole life, so this is where starting a platform thread per
 * connection should show against the pools, and where virtual threads should show whether they close that gap.
 *
 * <p>{@code gc.alloc.rate.norm} counts the whole JVM, client and server: the client allocates nothing per
 * keep-alive request, so there it is the server's garbage; on new connections both sides' sockets are in it too,
 * the same for every arm, so compare the arms with each other rather than with zero.
 *
 * <p>The client and the server share this machine's CPUs, so the scores are round-trip latencies under no load,
 * not the server's capacity: that is for the compare suite, with the load on separate cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopbackBenchmark {

    /** The arm's server, started once per trial on a free port, with no stats endpoint. */
    @State(Scope.Benchmark)
    public static class Server {

        @Param({"classic", "jdk-pool", "per-connection", "virtual", "virtual-pooled"})
        public String arm;

        HttpServer server;
        InetSocketAddress address;

        @Setup(Level.Trial)
        public void start() throws IOException {
            server = HttpServer.start(ServerConfig.ephemeral().withPorts(0, -1), Arms.require(arm), ArmOptions.DEFAULTS);
            address = new InetSocketAddress("127.0.0.1", server.port());
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    /** One benchmark thread's client, and its keep-alive connection once a benchmark asks for it. */
    @State(Scope.Thread)
    public static class Client {

        final LoopbackClient client = new LoopbackClient();
        final byte[] keepAlive = RequestShape.PLAINTEXT.bytes();
        final byte[] closing = RequestShape.PLAINTEXT.closingBytes();
    }

    /** A connection opened for the trial and kept; only {@code keepAliveRequest} asks for one. */
    @State(Scope.Thread)
    public static class KeptConnection {

        Socket socket;

        @Setup(Level.Trial)
        public void open(Server server) throws IOException {
            socket = connect(server.address);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close();
        }
    }

    @Benchmark
    public int keepAliveRequest(Client client, KeptConnection connection) throws IOException {
        return ok(client.client.exchange(connection.socket, client.keepAlive));
    }

    @Benchmark
    public int requestOnNewConnection(Server server, Client client) throws IOException {
        // The server closes first, so TIME_WAIT piles up on its side and the client's ephemeral ports stay free.
        try (Socket socket = connect(server.address)) {
            int status = client.client.exchange(socket, client.closing);
            client.client.awaitClose(socket);
            return ok(status);
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        // A server that stops answering fails the run in seconds rather than at JMH's ten-minute timeout.
        socket.setSoTimeout(5_000);
        socket.connect(address, 5_000);
        return socket;
    }

    /** A 503 or an error page would make a fast score meaningless: stop the run instead. */
    private static int ok(int status) {
        if (status != 200) {
            throw new IllegalStateException("expected 200, got " + status);
        }
        return status;
    }
}
