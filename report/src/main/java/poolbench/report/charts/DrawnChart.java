package poolbench.report.charts;

/**
 * A chart written for a run.
 *
 * @param file    path relative to the run directory, e.g. {@code charts/alloc-per-request.png}
 * @param title   what it shows, for the README's link
 * @param caption how to read it, one or two sentences
 */
public record DrawnChart(String file, String title, String caption) {
}
