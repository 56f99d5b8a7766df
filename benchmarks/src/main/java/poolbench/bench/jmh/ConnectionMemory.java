package poolbench.bench.jmh;

import poolbench.server.accept.ServerConfig;
import poolbench.server.connection.ConnectionBuffers;
import poolbench.server.http.Request;
import poolbench.server.http.ResponseWriter;

/**
 * The three things {@link ConnectionBuffers} holds, made the same way: server-core keeps that class's fields to
 * itself, so the parse suite builds its own copy to reach them.
 */
record ConnectionMemory(byte[] in, Request request, ResponseWriter out) {

    static ConnectionMemory allocate(ServerConfig config) {
        return new ConnectionMemory(new byte[config.maxHeaderBytes()], new Request(),
                new ResponseWriter(ConnectionBuffers.WRITE_BUFFER_BYTES));
    }
}
