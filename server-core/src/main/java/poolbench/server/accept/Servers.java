package poolbench.server.accept;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import poolbench.server.endpoints.Backends;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Reference;
import poolbench.server.spi.RunningServer;

/** Starts anything {@code poolbench serve} can run by name: an arm behind {@link HttpServer}, or a reference. */
public final class Servers {

    private Servers() {
    }

    /** Every reference found, in a stable order (by name). */
    public static List<Reference> references() {
        return NamedServices.load(Reference.class, Reference::name);
    }

    /** Every name {@code serve} accepts: the arms, then the references. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        Arms.all().forEach(a -> names.add(a.name()));
        references().forEach(r -> names.add(r.name()));
        return names;
    }

    /** Starts the arm or reference called {@code name}; an unknown name is an error naming the valid ones. */
    public static RunningServer start(String name, ServerConfig config, ArmOptions options) throws IOException {
        return start(name, config, options, Backends.NONE);
    }

    /**
     * The same; an arm calls out to {@code backends} (reference servers do not serve /downstream or /db, and have
     * no CPU executor).
     */
    public static RunningServer start(String name, ServerConfig config, ArmOptions options, Backends backends)
            throws IOException {
        var arm = Arms.byName(name);
        if (arm.isPresent()) {
            return HttpServer.start(config, arm.get(), options, backends);
        }
        for (Reference r : references()) {
            if (r.name().equals(name)) {
                if (config.cpuExecutorThreads() != ServerConfig.DEFAULT_CPU_EXECUTOR_THREADS) {
                    throw new IllegalArgumentException("reference server '" + name + "' has no cpu executor (it "
                            + "serves /cpu on its own threads); drop --cpu-executor, which the arms take");
                }
                return r.start(config, options);
            }
        }
        throw new IllegalArgumentException("unknown arm '" + name + "'; valid arms: " + String.join(", ", names()));
    }
}
