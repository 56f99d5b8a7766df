package poolbench.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import poolbench.server.accept.ServerConfig;
import poolbench.server.endpoints.Endpoints;
import poolbench.server.http.RequestParser;
import poolbench.server.http.ResponseWriter;

/**
 * What does server-core spend on one request once its bytes have arrived, and what do per-connection buffers add?
 *
 * <p>Each op does what the connection loop does between a read and a write: copy the request into the read
 * buffer (the socket read's copy), {@link RequestParser#parse}, {@link Endpoints#respond} into a
 * {@link ResponseWriter}, and drop the response (the writer's stream is a null sink and is cleared, not flushed).
 * No socket, no thread: the codec alone.
 *
 * <p>Reading the results: {@code workerOwnedBuffers} is the hot path of every pooled arm; fasthttp reports 0
 * allocs/op for its equivalent, and a {@code gc.alloc.rate.norm} of about 0 B/op here means server-core matches it
 * (the hundredths of a byte left are spent per second, not per request: the Date header's 432 bytes formatted once
 * a second, and JMH's own threads). Its time bounds the requests per second one core can serve: if it is a large
 * part of the loopback keep-alive round trip, the codec, not the dispatch, is what the arms would be compared on. {@code perConnectionBuffers} allocates the read buffer, writer
 * and request holder each op, as a server that does not reuse them across connections does on every new
 * connection: its extra B/op is the garbage the article's "reuse lowers GC pressure" is about, and its extra time
 * is mostly zeroing that memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseBenchmark {

    private static final ServerConfig CONFIG = ServerConfig.DEFAULTS;
    private static final OutputStream NO_SOCKET = OutputStream.nullOutputStream();

    @Param
    public RequestShape request;

    private final RequestParser parser = new RequestParser(CONFIG);
    private final ConnectionMemory workerOwned = ConnectionMemory.allocate(CONFIG);

    @Benchmark
    public int workerOwnedBuffers() throws IOException {
        return serve(workerOwned);
    }

    @Benchmark
    public int perConnectionBuffers(Blackhole escape) throws IOException {
        ConnectionMemory fresh = ConnectionMemory.allocate(CONFIG);
        // In the server the buffers outlive the request; letting them escape keeps the JIT from pretending otherwise.
        escape.consume(fresh);
        return serve(fresh);
    }

    /** Returns the head's length plus the response's, so that neither can be optimised away. */
    private int serve(ConnectionMemory memory) throws IOException {
        byte[] head = request.bytes();
        System.arraycopy(head, 0, memory.in(), 0, head.length);
        int parsed = parser.parse(memory.in(), 0, head.length, memory.request());
        Endpoints.respond(memory.in(), memory.request(), memory.out(), NO_SOCKET);
        int written = memory.out().pending();
        memory.out().clear();
        return parsed + written;
    }
}
