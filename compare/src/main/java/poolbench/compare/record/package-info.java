/**
 * What a run writes: single runs' and launches' records with their windows and capacities, the server's deltas,
 * the environment (with a server host's, in a two-host run), and where a run directory goes.
 */
package poolbench.compare.record;
