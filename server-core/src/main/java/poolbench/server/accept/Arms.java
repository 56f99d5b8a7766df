package poolbench.server.accept;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import poolbench.server.spi.Arm;

/** The arms on the class path, found through {@link java.util.ServiceLoader}. */
public final class Arms {

    private Arms() {
    }

    /** Every arm found, in a stable order (by name). */
    public static List<Arm> all() {
        return NamedServices.load(Arm.class, Arm::name);
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
