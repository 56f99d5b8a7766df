package poolbench.cli;

import java.util.ListResourceBundle;

import poolbench.compare.plan.JvmSetting;

/**
 * The defaults that help texts quote, as picocli's {@code ${bundle:key}} reads them: a help text is built from the
 * value, so it cannot go on quoting one that has changed.
 */
final class HelpValues extends ListResourceBundle {

    /** {@code -Xms512m -Xmx512m -XX:+UseG1GC}, say. */
    static final String JVM_FLAGS = "poolbench.jvm.flags";
    static final String JVM_HEAP = "poolbench.jvm.heap";
    static final String JVM_GC = "poolbench.jvm.gc";
    static final String JVM_COLLECTORS = "poolbench.jvm.collectors";

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {JVM_FLAGS, JvmFlagsCommand.defaultFlags()},
            {JVM_HEAP, JvmSetting.DEFAULT.heap()},
            {JVM_GC, JvmSetting.DEFAULT.gc()},
            {JVM_COLLECTORS, String.join(", ", JvmSetting.COLLECTORS)},
        };
    }
}
