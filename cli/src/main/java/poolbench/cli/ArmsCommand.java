package poolbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import poolbench.server.Arm;
import poolbench.server.Arms;

@Command(name = "arms", description = "Lists the arms (concurrency models) on the class path.")
final class ArmsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Arm arm : Arms.all()) {
            out.printf("%-16s %s%n", arm.name(), arm.description());
        }
        out.flush();
        return 0;
    }
}
