package poolbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import poolbench.compare.plan.JvmSetting;

/**
 * {@code poolbench jvm-flags}: the heap and collector flags of the compare suite's server JVMs, on one line, for the
 * scripts that start servers of their own ({@code references/bench/wrk-table.sh}) and so say them once.
 */
@Command(name = "jvm-flags", description = {
    "Prints, on one line, the JVM flags compare gives every server arm and JMH every",
    "fork (${bundle:" + HelpValues.JVM_FLAGS + "}), for scripts that start servers of their own."})
final class JvmFlagsCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    /** The default setting's flags, space-separated. */
    static String defaultFlags() {
        return String.join(" ", JvmSetting.DEFAULT.flags());
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(defaultFlags());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
