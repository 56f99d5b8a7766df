package poolbench.compare.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * How many bytes of {@code jdk.internal.vm.StackChunk} a server allocated over the measured window: the frames
 * of parked virtual threads, which Quarkus found promoted and re-allocated when virtual threads are pooled. A
 * flight recording in the server JVM samples allocations ({@code jdk.ObjectAllocationSample}, whose
 * {@code weight} estimates the bytes allocated since the thread's last sample); this sums the samples of that
 * class whose time falls in the window. An estimate, as the event is throttled, but the same estimate for every
 * arm.
 */
public final class StackChunkRecording {

    public static final String STACK_CHUNK = "jdk.internal.vm.StackChunk";

    private final Path file;

    public StackChunkRecording(Path file) {
        this.file = file;
    }

    /** The server JVM flags that record to this file, written when the server stops. */
    public List<String> jvmFlags() {
        return List.of("-XX:StartFlightRecording:filename=" + file + ",settings=profile,dumponexit=true");
    }

    /** The estimated StackChunk bytes allocated from {@code fromMillis} to {@code toMillis}; -1 without a recording. */
    public long bytesBetween(long fromMillis, long toMillis) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        Instant from = Instant.ofEpochMilli(fromMillis);
        Instant to = Instant.ofEpochMilli(toMillis);
        long bytes = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                RecordedClass type = e.getClass("objectClass");
                Instant at = e.getStartTime();
                if (type != null && STACK_CHUNK.equals(type.getName()) && !at.isBefore(from) && !at.isAfter(to)) {
                    bytes += e.getLong("weight");
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return bytes;
    }

    /** Recordings are large; what matters of one is in its record. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left in logs/ if it cannot be removed.
        }
    }
}
