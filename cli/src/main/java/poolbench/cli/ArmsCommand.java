package poolbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import poolbench.server.accept.Arms;
import poolbench.server.accept.Servers;
import poolbench.server.spi.Arm;
import poolbench.server.spi.Reference;

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
