/**
 * The orchestrator: {@code CompareRun} runs a suite's comparisons ({@code ComparisonRun}: launches, capacity,
 * interleaved windows) and single runs, writes their records, and resumes a run directory; see compare/README.md.
 */
package poolbench.compare;
