package poolbench.loadgen;

/** What a client loop counts, only for requests of the measured phase (see {@link LoopCounters}). */
enum Counter {
    /** Requests written (or queued to be written) to a connection. */
    SENT,
    /** Complete responses, whatever their status. */
    RESPONSES,
    BYTES_READ,
    BYTES_WRITTEN,
    /** Connection attempts that failed: refused, unreachable, or not connected within the timeout. */
    CONNECT_ERRORS,
    /** Requests lost because reading failed: reset, or end of stream before their response was complete. */
    READ_ERRORS,
    /** Requests lost because writing failed. */
    WRITE_ERRORS,
    /** Requests lost because their connection gave no complete response within the timeout. */
    TIMEOUTS,
    /** Requests lost because the bytes received were not an HTTP/1.x response. */
    PARSE_ERRORS,
    /** Responses that are neither 2xx nor 3xx (also counted in {@link #RESPONSES}, as wrk does). */
    STATUS_ERRORS,
    STATUS_1XX,
    STATUS_2XX,
    STATUS_3XX,
    STATUS_4XX,
    STATUS_5XX,
    STATUS_OTHER,
    CONNECTIONS_OPENED,
    /**
     * Connections the server ended: Connection: close, a close-delimited body, or a close or reset at any other
     * point (between responses, before the first, in the middle of one).
     */
    CLOSED_BY_SERVER,
    /** Open loop: requests whose intended time came before the end of sending but that were never sent. */
    UNSENT,
    /** Requests in flight when the run was stopped early (Ctrl-C), neither answered nor failed. */
    ABANDONED
}
