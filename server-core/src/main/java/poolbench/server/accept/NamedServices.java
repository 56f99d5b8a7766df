package poolbench.server.accept;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The one ServiceLoader lookup behind {@link Arms} and {@link Servers}: every provider of a type, by name. */
final class NamedServices {

    private NamedServices() {
    }

    /** Every provider of {@code type} on the class path, in a stable order (by name). */
    static <T> List<T> load(Class<T> type, Function<T, String> name) {
        return ServiceLoader.load(type).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(name))
                .toList();
    }
}
