package poolbench.loadgen;

import java.util.Locale;

/** The human summary of a {@link LoadResult}, laid out like wrk's so the two read side by side. */
final class SummaryText {

    private SummaryText() {
    }

    static String of(LoadResult r) {
        StringBuilder out = new StringBuilder();
        LoadConfig c = r.config();
        line(out, "  %d %s, %d connection%s, %s, %s%s",
                c.threads(), c.threads() == 1 ? "thread" : "threads",
                c.connections(), c.connections() == 1 ? "" : "s",
                c.openLoop() ? String.format(Locale.ROOT, "open loop at %s req/s", number(c.rate())) : "closed loop",
                c.close() ? "a new connection per request" : "keep-alive",
                c.pipeline() > 1 ? ", pipeline " + c.pipeline() : "");
        distribution(out, c.openLoop() ? "Latency (from intended send, corrected)" : "Latency", r.latency());
        if (r.serviceTime() != null) {
            distribution(out, "Service time (from actual send, uncorrected)", r.serviceTime());
        }
        ScheduleReport s = r.schedule();
        if (s != null) {
            line(out, "  Schedule: %d sends more than %s behind, lag p99 %s, max %s, %d never sent",
                    s.lateSends(), ms(s.lateThresholdMs()), ms(s.lagP99Ms()), ms(s.maxLagMs()), s.unsent());
        }
        line(out, "  %d requests in %s, %s read%s", r.requests(), seconds(r.measuredSeconds()), bytes(r.bytesRead()),
                r.interrupted() ? " (interrupted: " + r.abandoned() + " in flight abandoned)" : "");
        LoadResult.Errors e = r.errors();
        line(out, "  Errors: connect %d, read %d, write %d, timeout %d, parse %d; non-2xx/3xx responses %d",
                e.connect(), e.read(), e.write(), e.timeout(), e.parse(), e.status());
        if (!r.errorCauses().isEmpty()) {
            StringBuilder causes = new StringBuilder();
            r.errorCauses().forEach((cause, n) -> causes.append(causes.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s ×%,d", cause, n)));
            line(out, "  Error causes: %s", causes);
        }
        LoadResult.StatusClasses sc = r.statusClasses();
        line(out, "  Responses: 1xx %d, 2xx %d, 3xx %d, 4xx %d, 5xx %d%s", sc.informational(), sc.success(),
                sc.redirection(), sc.clientError(), sc.serverError(), sc.other() > 0 ? ", other " + sc.other() : "");
        line(out, "  Connections while measuring: %d opened, %d closed by the server", r.connections().opened(),
                r.connections().closedByServer());
        line(out, "  Client CPU: %.2fs over %d thread%s%s", r.clientCpuSeconds(), c.threads(), c.threads() == 1 ? "" : "s",
                r.requests() > 0 ? String.format(Locale.ROOT, ", %.2fus per request", r.clientCpuSeconds() * 1e6 / r.requests()) : "");
        line(out, "Requests/sec: %10.2f", r.requestsPerSecond());
        line(out, "Transfer/sec: %10s", bytes((long) r.bytesReadPerSecond()));
        return out.toString();
    }

    private static void distribution(StringBuilder out, String title, LatencyReport l) {
        line(out, "  %s     Avg %s   Stdev %s   Max %s", title, ms(l.meanMs()), ms(l.stdevMs()), ms(l.maxMs()));
        for (double p : LatencyReport.PERCENTILES) {
            line(out, "    %7s%%  %10s", LatencyReport.percentileKey(p), ms(l.percentileMs(p)));
        }
    }

    private static String ms(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2fus", ms * 1000);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.2fms", ms);
        }
        return String.format(Locale.ROOT, "%.2fs", ms / 1000);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2fs", s);
    }

    private static String bytes(long n) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
