package poolbench.report.run;

import java.util.Comparator;
import java.util.List;

/**
 * The arm names the claims are about, and the order reports list arms in: the pools first, then the thread per
 * connection they are measured against, then virtual threads, then the reference servers; any other arm after
 * them by name, so a new arm shows up without an edit here.
 */
public final class KnownArms {

    public static final String CLASSIC = "classic";
    /** classic again under another label: the A/A pair whose spread is the run's resolution. */
    public static final String CLASSIC_AA = poolbench.compare.CompareRun.AA_ARM;
    public static final String JDK_POOL = "jdk-pool";
    public static final String PER_CONNECTION = "per-connection";
    public static final String VIRTUAL = "virtual";
    public static final String VIRTUAL_POOLED = "virtual-pooled";
    /** virtual with CPU-heavy work on a bounded platform executor: the mitigation shown beside virtual. */
    public static final String VIRTUAL_OFFLOAD = poolbench.compare.plan.ArmLabel.VIRTUAL_OFFLOAD.label();
    public static final String GO_FASTHTTP = "go-fasthttp";
    public static final String GO_NETHTTP = "go-nethttp";
    /** Production servers compare runs beside the arms, for scale. */
    public static final String HELIDON = "helidon";
    public static final String JETTY_QTP = "jetty-qtp";
    public static final String JETTY_VIRTUAL = "jetty-virtual";

    static final List<String> ORDER = List.of(CLASSIC, CLASSIC_AA, JDK_POOL, PER_CONNECTION, VIRTUAL, VIRTUAL_POOLED,
            VIRTUAL_OFFLOAD, GO_FASTHTTP, GO_NETHTTP, HELIDON, JETTY_QTP, JETTY_VIRTUAL);

    public static final Comparator<String> COMPARATOR = Comparator.<String>comparingInt(KnownArms::rank)
            .thenComparing(Comparator.naturalOrder());

    private KnownArms() {
    }

    private static int rank(String arm) {
        int i = ORDER.indexOf(arm);
        return i < 0 ? ORDER.size() : i;
    }
}
