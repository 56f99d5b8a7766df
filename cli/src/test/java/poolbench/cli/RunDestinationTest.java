package poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a suite run goes: scratch unless --out or --publish says otherwise, and never both. */
class RunDestinationTest {

    // A zone far from UTC: the scratch name is UTC's time whatever the machine's zone.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneId.of("Pacific/Kiritimati"));

    @TempDir
    Path home;

    @Test
    void aRunWithNeitherOutNorPublishGoesToAScratchDirectoryNamedByItsUtcTime() throws IOException {
        RunDestination d = RunDestination.choose(home, "jmh", "jmh", null, false, CLOCK);
        assertEquals(home.resolve("target/poolbench-scratch/jmh-20261203T101530Z"), d.dir());
        assertEquals(RunDestination.Kind.SCRATCH, d.kind());
        assertFalse(Files.exists(home.resolve("results")), "choosing a directory writes nothing");
    }

    @Test
    void aSecondScratchRunInTheSameSecondGetsTheNextFreeName() throws IOException {
        Files.createDirectories(home.resolve("target/poolbench-scratch/jmh-20261203T101530Z"));
        assertEquals(home.resolve("target/poolbench-scratch/jmh-20261203T101530Z-2"),
                RunDestination.choose(home, "jmh", "jmh", null, false, CLOCK).dir());
    }

    @Test
    void publishFilesTheRunUnderResultsByTheCompareSuitesNaming() throws IOException {
        RunDestination d = RunDestination.choose(home, "jmh", "jmh", null, true, CLOCK);
        assertEquals(home.resolve("results"), d.dir().getParent());
        assertTrue(d.dir().getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-[A-Za-z0-9-]+"), d.dir().toString());
        assertEquals(RunDestination.Kind.PUBLISHED, d.kind());
    }

    @Test
    void outPutsTheRunWhereItSays() throws IOException {
        Path given = home.resolve("elsewhere/../mine");
        RunDestination d = RunDestination.choose(home, "jmh", "jmh", given, false, CLOCK);
        assertEquals(home.resolve("mine"), d.dir());
        assertEquals(RunDestination.Kind.OUT, d.kind());
    }

    @Test
    void outAndPublishTogetherAreRefusedWithBothFixes() {
        Main.UsageException e = assertThrows(Main.UsageException.class,
                () -> RunDestination.choose(home, "jmh", "jmh", home.resolve("x"), true, CLOCK));
        assertEquals("--out and --publish both say where the run goes: give --publish to file it under results/, "
                + "or --out DIR to put it in DIR", e.getMessage());
    }
}
