package poolbench.server.testing;

/**
 * The switch between the default test run, which must stay quick on a shared two-core machine, and the long
 * variants ({@code -Dpoolbench.long=true}) whose figures RELIABILITY.md reports. Jupiter tests that only make
 * sense long are gated with {@code @EnabledIfSystemProperty(named = LongRun.PROPERTY, matches = "true")}; the
 * rest size themselves with {@link #pick}.
 */
public final class LongRun {

    public static final String PROPERTY = "poolbench.long";

    private LongRun() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** {@code quick} in the default run, {@code full} in the long one. */
    public static int pick(int quick, int full) {
        return enabled() ? full : quick;
    }
}
