package poolbench.server.spi;

/**
 * What a dispatcher reports about its workers. A "worker" is a thread that serves connections: a pooled worker,
 * or the thread started for one connection.
 *
 * @param workersAlive   workers that exist now (busy or idle)
 * @param workersIdle    workers waiting for a connection (always 0 for thread-per-connection arms)
 * @param workersPeak    the most workers alive at once
 * @param workersStarted workers started since the dispatcher was created
 * @param workersReaped  idle workers told to exit because they were idle too long
 * @param rejected       connections refused because the dispatcher was at capacity
 */
public record DispatcherStats(
        long workersAlive, long workersIdle, long workersPeak, long workersStarted, long workersReaped, long rejected) {
}
