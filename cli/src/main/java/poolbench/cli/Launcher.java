package poolbench.cli;

import java.nio.file.Path;

/** What the {@code ./poolbench} launcher tells the CLI about where it runs. */
final class Launcher {

    private Launcher() {
    }

    /** The project's root: POOLBENCH_HOME from the launcher, else the working directory. */
    static Path home() {
        String home = System.getenv("POOLBENCH_HOME");
        return Path.of(home != null && !home.isBlank() ? home : ".").toAbsolutePath().normalize();
    }
}
