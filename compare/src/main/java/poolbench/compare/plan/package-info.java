/**
 * What a suite runs: its comparisons and single runs, the workloads and arm labels they name, the typed serve
 * options, the JVM settings, and the plan that prints their cost from the same objects.
 */
package poolbench.compare.plan;
