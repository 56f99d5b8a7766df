package poolbench.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import poolbench.compare.agent.AgentServer;
import poolbench.compare.agent.AgentToken;

@Command(name = "agent", description = {
        "Runs on the server host of a two-host run: compare --server-agent http://HOST:PORT --token-file FILE, on "
                + "the load host, starts and stops the arms and references here through it, and reads the CPU of "
                + "this machine's side from it, until Ctrl-C or SIGTERM (which stop its servers too).",
        "Every request must carry the token: a new one printed at start, or the one in --token-file. It starts "
                + "only poolbench's own arms and references, with typed options, never a command line; its "
                + "servers run on every CPU it may use (start it under taskset to keep some apart) and bind --host."})
final class AgentCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the agent and its servers bind "
            + "(default: ${DEFAULT-VALUE}, this machine only; give the address the load host reaches).")
    String host;

    @Option(names = "--port", defaultValue = "" + AgentServer.DEFAULT_PORT,
            description = "Port of the agent, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token from FILE (default: a new "
            + "token, printed at start; write it to a file on the load host for compare's --token-file).")
    Path tokenFile;

    @Override
    public Integer call() throws InterruptedException {
        AgentToken token = tokenFile == null ? AgentToken.generate() : AgentToken.read(tokenFile);
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new Main.UsageException("cannot resolve --host " + host + "; give an address of this machine");
        }
        AgentServer agent;
        try {
            agent = AgentServer.start(address, token, Launcher.home(), System.out);
        } catch (BindException e) {
            throw new Main.UsageException("cannot bind " + host + ":" + port + " (" + e.getMessage() + "); give "
                    + "--host an address of this machine and --port a free port");
        } catch (IOException e) {
            throw new Main.UsageException("cannot start the agent on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "agent-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("poolbench agent listening on " + agent.url() + "; on the load host: poolbench compare "
                + "--server-agent " + agent.url() + " --token-file FILE");
        out.println(tokenFile == null ? "token (write it to FILE there): " + token.reveal()
                : "token: the one in " + tokenFile);
        out.flush();
        stopped.await();
        return 0;
    }
}
