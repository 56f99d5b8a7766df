/**
 * The server's counters and the JVM's and process's figures, served as one {@link poolbench.server.stats.StatsSnapshot}
 * on the admin port by two platform threads of their own, away from the arm under test.
 */
package poolbench.server.stats;
