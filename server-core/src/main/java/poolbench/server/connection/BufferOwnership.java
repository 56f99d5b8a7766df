package poolbench.server.connection;

/**
 * Who owns a connection's read and write buffers. Reports use the switch to separate what thread reuse saves
 * from what buffer reuse saves.
 */
public enum BufferOwnership {
    /** A worker keeps its buffers across every connection it serves (fasthttp's default through its pools). */
    WORKER,
    /** Every connection allocates its own buffers, whatever thread serves it. */
    CONNECTION
}
