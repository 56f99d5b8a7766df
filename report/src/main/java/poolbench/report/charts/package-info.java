/**
 * Every chart a report draws (XChart PNGs under {@code charts/}), in one style, with one home for every file name
 * ({@link poolbench.report.charts.ChartFiles}).
 */
package poolbench.report.charts;
