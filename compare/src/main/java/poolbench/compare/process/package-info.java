/**
 * The processes a run starts and reads: where its servers run ({@code ServerHost}: this machine, or a server
 * host's agent), server JVMs and the Go originals, the downstream backend and PostgreSQL on the load's side, and the
 * servers' stats endpoints.
 */
package poolbench.compare.process;
