package poolbench.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Starts anything {@code poolbench serve} can run by name: an arm behind {@link HttpServer}, or a reference. */
public final class Servers {

    private Servers() {
    }

    public static List<ReferenceServer> references() {
        return ServiceLoader.load(ReferenceServer.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
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

    /** The same; an arm calls out to {@code backends} (reference servers do not serve /downstream or /db). */
    public static RunningServer start(String name, ServerConfig config, ArmOptions options, Backends backends)
            throws IOException {
        var arm = Arms.byName(name);
        if (arm.isPresent()) {
            return HttpServer.start(config, arm.get(), options, backends);
        }
        for (ReferenceServer r : references()) {
            if (r.name().equals(name)) {
                return r.start(config, options);
            }
        }
        throw new IllegalArgumentException("unknown arm '" + name + "'; valid arms: " + String.join(", ", names()));
    }
}
