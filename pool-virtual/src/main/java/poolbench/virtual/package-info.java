/**
 * pool-virtual: the virtual-thread arms, one pooled and one not. {@code virtual} starts a virtual thread per
 * connection (server-core's {@link poolbench.server.spi.ThreadPerConnectionDispatcher}, as baseline-per-connection does
 * with platform threads) and honours {@code --concurrency} with a Semaphore; {@code virtual-pooled} is pool-classic's
 * fasthttp pool with virtual workers, which tests the advice "never pool virtual threads". The module's name is the
 * mission's; what it holds is "virtual threads, pooled or not".
 */
package poolbench.virtual;
