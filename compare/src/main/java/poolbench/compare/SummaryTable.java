package poolbench.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

/**
 * The table compare prints at the end: per workload, connection count and arm, the median over repeats of
 * requests/s, p99, allocation and CPU per request, and peak threads. Runs still disturbed after their retries are
 * counted beside the row, not in it; client-bound runs are counted in it and flagged.
 */
public final class SummaryTable {

    /** One line of the table: medians over the repeats that produced a measurement. */
    public record Row(String workload, int connections, String arm, int runs, int failed, double requestsPerSecond,
                      double p99Ms, double allocBytesPerRequest, double cpuMicrosPerRequest, double threadsPeak,
                      double errors, double rejected, int disturbed, int clientBound) {

        /** "  (1 failed, 2 disturbed, left out, 1 client-bound)", or "". */
        String marks() {
            String marks = SummaryTable.marks(failed, disturbed, clientBound);
            return marks.isEmpty() ? "" : "  (" + marks + ")";
        }
    }

    /**
     * Why some of a point's runs are not among its figures, or say less than they seem: "1 failed, 2 disturbed, left
     * out, 1 client-bound", or "" when all counted. The console table and the report's tables say it alike.
     */
    public static String marks(int failed, int disturbed, int clientBound) {
        List<String> marks = new ArrayList<>();
        if (failed > 0) {
            marks.add(failed + " failed");
        }
        if (disturbed > 0) {
            marks.add(disturbed + " disturbed, left out");
        }
        if (clientBound > 0) {
            marks.add(clientBound + " client-bound");
        }
        return String.join(", ", marks);
    }

    private SummaryTable() {
    }

    /** Rows in the order the records were run (workload, connections), arms in their first-run order. */
    public static List<Row> rows(List<RunRecord> records) {
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord r : records) {
            groups.computeIfAbsent(r.workload() + "\u0000" + r.connections() + "\u0000" + r.arm(),
                    k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (List<RunRecord> group : groups.values()) {
            RunRecord first = group.get(0);
            List<RunRecord> ok = group.stream().filter(RunRecord::counted).toList();
            int failed = (int) group.stream().filter(x -> !x.ok()).count();
            int disturbed = (int) group.stream().filter(RunRecord::disturbed).count();
            rows.add(new Row(first.workload(), first.connections(), first.arm(), ok.size(), failed,
                    median(ok, r -> r.load().requestsPerSecond()),
                    median(ok, r -> r.load().latency().percentileMs(99)),
                    median(ok, r -> r.server().allocBytesPerRequest()),
                    median(ok, r -> r.server().cpuMicrosPerRequest()),
                    median(ok, r -> r.server().threadsPeak()),
                    median(ok, r -> r.load().errors().lostRequests() + r.load().errors().connect()
                            + r.load().errors().status() - (r.workload().equals(Workload.OVERLOAD)
                            ? r.load().statusClasses().serverError() : 0)),
                    median(ok, r -> r.server().connectionsRejected()), disturbed,
                    (int) ok.stream().filter(RunRecord::clientBound).count()));
        }
        return rows;
    }

    public static double median(List<RunRecord> records, ToDoubleFunction<RunRecord> metric) {
        if (records.isEmpty()) {
            return Double.NaN;
        }
        double[] v = records.stream().mapToDouble(metric).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static void print(List<RunRecord> records, PrintStream out) {
        String header = String.format(Locale.ROOT, "%-25s %6s  %-15s %11s %9s %12s %11s %9s %8s %8s",
                "workload", "conns", "arm", "req/s", "p99 ms", "alloc B/req", "CPU us/req", "peak thr", "errors",
                "503s");
        out.println(header);
        out.println("-".repeat(header.length()));
        String last = null;
        for (Row r : rows(records)) {
            String group = r.workload() + r.connections();
            if (last != null && !last.equals(group)) {
                out.println();
            }
            last = group;
            if (r.runs() == 0) {
                out.printf(Locale.ROOT, "%-25s %6d  %-15s %s%n", r.workload(), r.connections(), r.arm(),
                        r.disturbed() > 0 ? "disturbed in every attempt (" + r.disturbed() + "; left out; see raw/)"
                                : "failed (" + r.failed() + " of " + r.failed() + "; see raw/ and logs/)");
                continue;
            }
            out.printf(Locale.ROOT, "%-25s %6d  %-15s %11.0f %9.2f %12.0f %11.1f %9.0f %8.0f %8.0f%s%n", r.workload(),
                    r.connections(), r.arm(), r.requestsPerSecond(), r.p99Ms(), r.allocBytesPerRequest(),
                    r.cpuMicrosPerRequest(), r.threadsPeak(), r.errors(), r.rejected(),
                    r.marks());
        }
        out.flush();
    }
}
