/**
 * One connection, served on whatever thread the dispatcher chose: {@link poolbench.server.connection.ConnectionLoop}
 * reads, answers and flushes; one {@link poolbench.server.connection.DeadlineSweeper} thread per server enforces
 * every connection's read, idle and write deadlines.
 */
package poolbench.server.connection;
