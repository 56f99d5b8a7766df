/**
 * What a run directory holds, read and indexed: the comparisons' launches ({@link OperatingPoints}: each arm's
 * figures at each step of each launch, ratios over launches with their t-intervals), the single runs
 * ({@link RunSet}), JMH's results, and how numbers are written.
 */
package poolbench.report.run;
