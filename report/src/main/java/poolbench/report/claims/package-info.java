/**
 * The article's claims: demonstrations (shown or not shown) and measured rules, each a set of
 * {@link poolbench.report.claims.Decision}s that print their sentence and compute their verdict per operating point.
 */
package poolbench.report.claims;
