/**
 * What a run writes: single runs' and launches' records with their windows and capacities, the server's deltas,
 * the environment, and where a run directory goes.
 */
package poolbench.compare.record;
