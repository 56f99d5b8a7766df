package poolbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import poolbench.server.Arm;
import poolbench.server.Arms;
import poolbench.server.Reference;
import poolbench.server.Servers;

@Command(name = "arms", description = "Lists the arms (concurrency models) and reference servers on the class path.")
final class ArmsCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Arm arm : Arms.all()) {
            out.printf("%-16s %s%n", arm.name(), arm.description());
        }
        for (Reference ref : Servers.references()) {
            out.printf("%-16s %s (reference)%n", ref.name(), ref.description());
        }
        out.flush();
        return 0;
    }
}
