/**
 * baseline-per-connection: the {@code per-connection} arm, a new platform thread per connection with no cap
 * (Go net/http's model, the pool's baseline). It is server-core's
 * {@link poolbench.server.spi.ThreadPerConnectionDispatcher} with a platform thread factory; pool-virtual's
 * {@code virtual} arm is the same dispatcher with a virtual one, so the two modules differ only in the thread model
 * and in their {@link poolbench.server.spi.CapPolicy} ({@code virtual} honours {@code --concurrency}).
 */
package poolbench.perconnection;
