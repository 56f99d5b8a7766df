package poolbench.compare.plan;

import java.util.List;

/**
 * An arm as a comparison names it: a poolbench arm (or reference) under its own name, or the same arm with options
 * of its own under another: the A/A copy, and the ablation a claim needs beside the arm it ablates. Every label's
 * server is the same JVM with the same flags; only {@code server} options differ.
 *
 * @param label      the name in records, tables and ratios
 * @param arm        the arm {@code poolbench serve --arm} starts
 * @param server     the serve options this label adds
 * @param meaning    what the label is for, in a sentence
 */
public record ArmLabel(String label, String arm, ServeOptions server, String meaning) {

    /** Classic a second time under its own label: its spread against classic is the run's noise. */
    public static final ArmLabel AA = new ArmLabel("classic-aa", "classic", ServeOptions.DEFAULTS,
            "classic launched a second time under its own label: the A/A arm, whose ratio to classic is the noise");
    /** Virtual threads with CPU-heavy work on a bounded platform executor: the mitigation of claim 10. */
    public static final ArmLabel VIRTUAL_OFFLOAD = new ArmLabel("virtual-offload", "virtual",
            ServeOptions.DEFAULTS.withCpuExecutor(1),
            "virtual with /cpu run on a bounded platform executor of one thread per server CPU (--cpu-executor)");

    public static final List<ArmLabel> VARIANTS = List.of(AA, VIRTUAL_OFFLOAD);

    /** The variant called {@code label}, or the arm of that name with no options of its own. */
    public static ArmLabel of(String label) {
        return VARIANTS.stream().filter(v -> v.label.equals(label)).findFirst()
                .orElseGet(() -> new ArmLabel(label, label, ServeOptions.DEFAULTS, ""));
    }

    public static List<String> variantNames() {
        return VARIANTS.stream().map(ArmLabel::label).toList();
    }

    /** serve's flags for this label's options. */
    public List<String> serverArgs() {
        return server.args();
    }

    /** The arm a label serves: the A/A arm is classic. */
    public static String servedArm(String label) {
        return of(label).arm();
    }
}
