/**
 * What an arm module implements and is handed: {@link poolbench.server.spi.Arm} makes a
 * {@link poolbench.server.spi.Dispatcher}, the one variable between the arms; a {@link poolbench.server.spi.Reference}
 * starts a production server instead. The thread-per-connection arms share their dispatcher here.
 */
package poolbench.server.spi;
