package poolbench.compare.process;

import java.util.List;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.plan.JvmSetting;

/**
 * What starts one server, wherever it runs.
 *
 * @param arm         the arm or reference {@code serve --arm} starts (a label's own options are in
 *                    {@code serverArgs})
 * @param jvm         its heap and collector
 * @param serverArgs  serve's options beyond the ports, as the records keep them
 * @param quota       the CPU quota it runs under ({@link CpuQuota#NONE} for none)
 * @param stackChunks whether a flight recording counts its StackChunk allocation (the heap × collector sweep)
 */
public record ServerStart(String arm, JvmSetting jvm, List<String> serverArgs, CpuQuota quota, boolean stackChunks) {

    public ServerStart {
        serverArgs = List.copyOf(serverArgs);
    }
}
