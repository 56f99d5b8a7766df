package poolbench.server;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The arms on the class path, found through {@link ServiceLoader}. */
public final class Arms {

    private Arms() {
    }

    /** Every arm found, in a stable order (by name). */
    public static List<Arm> all() {
        return ServiceLoader.load(Arm.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    public static Optional<Arm> byName(String name) {
        return all().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The arm called {@code name}, or an IllegalArgumentException that names the valid choices. */
    public static Arm require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown arm '" + name + "'; valid arms: " + names()));
    }

    public static String names() {
        return all().stream().map(Arm::name).collect(Collectors.joining(", "));
    }
}
