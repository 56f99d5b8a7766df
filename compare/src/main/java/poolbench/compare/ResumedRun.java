package poolbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import poolbench.compare.plan.Comparison;
import poolbench.compare.record.Environment;
import poolbench.compare.record.LaunchRecord;
import poolbench.compare.record.RunRecord;

/**
 * What an interrupted or partly failed run directory already holds, for {@code compare --resume}: its successful
 * single runs and its complete launches are kept; failed runs, failed launches and whatever is missing run again.
 * A directory written by another commit, with other JVM flags, another suite or its servers on another host, is
 * refused: its records and the new ones could not be compared.
 */
public record ResumedRun(List<RunRecord> runs, List<LaunchRecord> launches) {

    public static final ResumedRun NONE = new ResumedRun(List.of(), List.of());

    /**
     * Reads {@code dir}, checking its environment.json against {@code now}.
     *
     * @throws IllegalArgumentException in one line, when the directory is not a run of the same suite and build
     */
    public static ResumedRun read(Path dir, Environment now) throws IOException {
        Path env = dir.resolve("environment.json");
        if (!Files.isRegularFile(env)) {
            throw new IllegalArgumentException("--resume " + dir + ": no environment.json there; give the directory "
                    + "of the run to finish");
        }
        Environment then = CompareRun.JSON.readValue(env.toFile(), Environment.class);
        refuseIf(!Objects.equals(then.gitCommit(), now.gitCommit()), dir, "it was built from " + then.gitCommit()
                + ", this is " + now.gitCommit());
        refuseIf(!Objects.equals(then.serverJvmFlags(), now.serverJvmFlags())
                || !Objects.equals(then.jvmSettings(), now.jvmSettings()), dir, "its JVM settings differ");
        refuseIf(!Objects.equals(serverHostOf(then), serverHostOf(now)), dir, "its servers ran on "
                + serverHostOf(then) + ", these would run on " + serverHostOf(now));
        refuseIf(!Objects.equals(then.suite(), now.suite()) || !Objects.equals(then.comparisons(), now.comparisons()),
                dir, "it ran suite " + then.suite() + " with other comparisons");
        List<RunRecord> runs = new ArrayList<>();
        for (Path f : jsonFiles(dir.resolve("raw"))) {
            RunRecord r = CompareRun.readRecord(f);
            if (r.ok()) {
                runs.add(r);
            }
        }
        List<LaunchRecord> launches = new ArrayList<>();
        for (Path f : jsonFiles(dir.resolve(CompareRun.LAUNCHES))) {
            LaunchRecord l = CompareRun.JSON.readValue(f.toFile(), LaunchRecord.class);
            if (l.error() == null) {
                launches.add(l);
            }
        }
        return new ResumedRun(runs, launches);
    }

    /** Where a run's servers ran: this machine, or a server host's agent. */
    private static String serverHostOf(Environment env) {
        return env.serverHost() == null ? "the load's machine" : "server host " + env.serverHost().hostId();
    }

    private static void refuseIf(boolean differs, Path dir, String why) {
        if (differs) {
            throw new IllegalArgumentException("--resume " + dir + ": " + why + "; resume it with the same build "
                    + "and options, or start a new run directory");
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    public Optional<RunRecord> run(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The complete launches of {@code c} already on disk. */
    public List<LaunchRecord> launchesOf(Comparison c) {
        return launches.stream().filter(l -> l.comparison().equals(c.id())).toList();
    }

    public String summary() {
        return runs.size() + " single runs and " + launches.size() + " launches kept; the rest runs now";
    }
}
