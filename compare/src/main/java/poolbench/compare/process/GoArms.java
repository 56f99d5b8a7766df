package poolbench.compare.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Go originals — fasthttp's worker pool and net/http's goroutine per connection — as external arms: the
 * program in {@code references/go/}, built on first use with Debian's Go and fasthttp in GOPATH mode (nothing is
 * downloaded), then run like {@code poolbench serve} with the same options, ready line and stats fields.
 */
public final class GoArms {

    public static final List<String> NAMES = List.of("go-fasthttp", "go-nethttp");

    public static final String INSTALL = "apt-get install golang-go golang-github-valyala-fasthttp-dev";

    /** Where Debian's golang-*-dev packages put their sources: the GOPATH the program builds against. */
    private static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");
    private static final Path FASTHTTP = DEBIAN_GOPATH.resolve("src/github.com/valyala/fasthttp");
    /** The longest a first build may take (a start of a Go arm may wait this long beyond the server's own). */
    public static final long BUILD_TIMEOUT_MINUTES = 10;

    private GoArms() {
    }

    public static boolean isGoArm(String arm) {
        return arm.startsWith("go-");
    }

    /** Whether this machine can build the Go arms (Go and Debian's fasthttp are installed). */
    public static boolean available() {
        return goTool().isPresent() && Files.isDirectory(FASTHTTP);
    }

    /**
     * The command prefix that runs the Go program, to which the caller appends
     * {@code serve --arm NAME --port 0 --admin-port 0 ...}. Builds {@code references/go/target/poolbench-go} first
     * when it is missing or older than a source file.
     *
     * @throws IllegalStateException when a build is needed and Go or fasthttp is not installed, or the build fails
     */
    public static List<String> command(Path repoRoot) throws IOException, InterruptedException {
        Path sources = repoRoot.resolve("references/go").toAbsolutePath();
        Path binary = sources.resolve("target/poolbench-go");
        if (!upToDate(binary, sources)) {
            Path go = goTool().orElseThrow(() -> new IllegalStateException(
                    "the Go arms need Go and Debian's fasthttp, and Go was not found; install both: " + INSTALL));
            if (!Files.isDirectory(FASTHTTP)) {
                throw new IllegalStateException(
                        "the Go arms need Debian's fasthttp (" + FASTHTTP + " is missing); install it: " + INSTALL);
            }
            build(go, sources, binary);
        }
        return List.of(binary.toString());
    }

    private static boolean upToDate(Path binary, Path sources) throws IOException {
        if (!Files.isExecutable(binary)) {
            return false;
        }
        long built = binary.toFile().lastModified();
        try (Stream<Path> files = Files.list(sources)) {
            return files.filter(p -> p.toString().endsWith(".go")).noneMatch(p -> p.toFile().lastModified() > built);
        }
    }

    private static Optional<Path> goTool() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(Path::of),
                        Stream.of(Path.of("/usr/lib/go/bin")))
                .map(dir -> dir.resolve("go"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * {@code go build} in GOPATH mode against Debian's packages, with the build cache beside the output so a fresh
     * machine needs no home directory; writes to a temporary file and moves it in place, so that two runs building
     * at once never execute a half-written binary.
     */
    private static void build(Path go, Path sources, Path binary) throws IOException, InterruptedException {
        Path target = binary.getParent();
        Files.createDirectories(target);
        Path partial = target.resolve("poolbench-go." + ProcessHandle.current().pid() + ".partial");
        Path log = target.resolve("go-build.log");
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", partial.toString(), ".")
                .directory(sources.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", DEBIAN_GOPATH.toString());
        env.put("GOCACHE", target.resolve("gocache").toString());
        env.remove("GOFLAGS");
        Process build = pb.start();
        if (!build.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IllegalStateException("go build of " + sources + " took over " + BUILD_TIMEOUT_MINUTES
                    + " minutes; see " + log);
        }
        if (build.exitValue() != 0) {
            Files.deleteIfExists(partial);
            String output = Files.readString(log, StandardCharsets.UTF_8).strip().replace('\n', ' ');
            throw new IllegalStateException("go build of " + sources + " failed: " + output);
        }
        Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
