/**
 * The markdown a report writes: the run's README.md, CLAIMS.md and claims.json, the results index, and the
 * suggested headline for the project README.
 */
package poolbench.report.documents;
