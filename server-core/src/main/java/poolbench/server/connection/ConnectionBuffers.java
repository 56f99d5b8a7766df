package poolbench.server.connection;

import poolbench.server.accept.ServerConfig;
import poolbench.server.http.Request;
import poolbench.server.http.ResponseWriter;

/**
 * The memory one connection is served with: the read buffer (one request head at most, so its size is the
 * header limit), the response buffer, and the parsed-request holder. Owned by a worker or by one connection.
 */
public final class ConnectionBuffers {

    /** Large enough for a pipelined batch of small responses; a larger batch is flushed in parts. */
    public static final int WRITE_BUFFER_BYTES = 16 * 1024;

    final byte[] in;
    final ResponseWriter out;
    final Request request = new Request();

    public ConnectionBuffers(ServerConfig config) {
        this.in = new byte[config.maxHeaderBytes()];
        this.out = new ResponseWriter(WRITE_BUFFER_BYTES);
    }
}
