package poolbench.report.run;

/** One workload at one connection count: the unit every table, chart and ratio is drawn for. */
public record WorkloadPoint(String workload, int connections) {

    /** "plaintext-close, 16 connections": for titles and table headings. */
    public String label() {
        return workload + ", " + connections + (connections == 1 ? " connection" : " connections");
    }

    /** "plaintext-close-c16": for file names, the way raw/ names records. */
    public String slug() {
        return workload + "-c" + connections;
    }
}
