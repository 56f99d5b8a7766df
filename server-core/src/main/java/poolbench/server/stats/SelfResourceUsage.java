package poolbench.server.stats;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code getrusage(RUSAGE_SELF)} through the JDK's foreign function API ({@code java.lang.foreign}), for the
 * process's context switches and its CPU time. The CPU time is in microseconds, from the scheduler's nanosecond
 * runtime; the JDK's {@code OperatingSystemMXBean.getProcessCpuTime} counts whole 10 ms clock ticks on Linux, a
 * tenth of a one-second window at half a CPU.
 *
 * <p>Why the API is found by name: the project compiles with {@code --release 21}, where {@code java.lang.foreign}
 * is still a preview API; naming it in source would need {@code --enable-preview}, and the class file would then
 * run on JDK 21 alone. The API is final from JDK 22, and the servers run on JDK 25, so looked up at run time it is
 * the ordinary, supported API. The JVM warns once, on the first downcall, unless started with
 * {@code --enable-native-access=ALL-UNNAMED}.
 *
 * <p>{@code struct rusage} is read at fixed offsets, valid on 64-bit Linux (x86_64 and aarch64 share the layout):
 * two {@code struct timeval} of 16 bytes, then fourteen {@code long}s, of which {@code ru_nvcsw} is the 13th and
 * {@code ru_nivcsw} the 14th. Elsewhere, or where the API is missing or native access is denied, nothing is
 * counted ({@link ContextSwitches#NOT_COUNTED}) rather than a figure that could mislead.
 */
final class SelfResourceUsage {

    private static final int RUSAGE_SELF = 0;
    private static final long STRUCT_RUSAGE_BYTES = 144;
    private static final long RU_NVCSW_OFFSET = 128;
    private static final long RU_NIVCSW_OFFSET = 136;
    /** {@code ru_utime} and {@code ru_stime}: each a {@code struct timeval} of seconds and microseconds. */
    private static final long RU_UTIME_OFFSET = 0;
    private static final long RU_STIME_OFFSET = 16;

    /** Empty where getrusage cannot be called. */
    private static final Optional<SelfResourceUsage> BOUND = bind();

    /** {@code int getrusage(int who, struct rusage *usage)}. */
    private final MethodHandle getrusage;
    /** {@code long MemorySegment.get(ValueLayout.OfLong layout, long offset)}. */
    private final MethodHandle getLong;
    /** {@code ValueLayout.JAVA_LONG}. */
    private final Object javaLong;
    /** The one {@code struct rusage}, from the global arena; guarded by {@code this}. */
    private final Object usage;

    private SelfResourceUsage(MethodHandle getrusage, MethodHandle getLong, Object javaLong, Object usage) {
        this.getrusage = getrusage;
        this.getLong = getLong;
        this.javaLong = javaLong;
        this.usage = usage;
    }

    /** The process's context switches now, ended threads included; not counted where getrusage is unavailable. */
    static ContextSwitches contextSwitches() {
        return BOUND.map(SelfResourceUsage::read).orElse(ContextSwitches.NOT_COUNTED);
    }

    /** The process's user + system CPU time in nanoseconds (microsecond precision), or -1 where it cannot be read. */
    static long cpuNanos() {
        return BOUND.map(SelfResourceUsage::readCpuNanos).orElse(-1L);
    }

    private synchronized long readCpuNanos() {
        try {
            int rc = (int) getrusage.invokeWithArguments(RUSAGE_SELF, usage);
            if (rc != 0) {
                return -1;
            }
            return timevalNanos(RU_UTIME_OFFSET) + timevalNanos(RU_STIME_OFFSET);
        } catch (Throwable e) {
            return -1;
        }
    }

    private long timevalNanos(long offset) throws Throwable {
        long seconds = (long) getLong.invokeWithArguments(usage, javaLong, offset);
        long micros = (long) getLong.invokeWithArguments(usage, javaLong, offset + Long.BYTES);
        return seconds * 1_000_000_000L + micros * 1_000L;
    }

    private synchronized ContextSwitches read() {
        try {
            int rc = (int) getrusage.invokeWithArguments(RUSAGE_SELF, usage);
            if (rc != 0) {
                return ContextSwitches.NOT_COUNTED;
            }
            long voluntary = (long) getLong.invokeWithArguments(usage, javaLong, RU_NVCSW_OFFSET);
            long involuntary = (long) getLong.invokeWithArguments(usage, javaLong, RU_NIVCSW_OFFSET);
            return new ContextSwitches(voluntary, involuntary, true);
        } catch (Throwable e) {
            return ContextSwitches.NOT_COUNTED;
        }
    }

    private static Optional<SelfResourceUsage> bind() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean linux64 = os.startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
        if (!linux64) {
            return Optional.empty();
        }
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> longLayoutType = Class.forName("java.lang.foreign.ValueLayout$OfLong");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> arenaType = Class.forName("java.lang.foreign.Arena");

            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(libc, "getrusage");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            Object javaInt = valueLayoutType.getField("JAVA_INT").get(null);
            Object address = valueLayoutType.getField("ADDRESS").get(null);
            Object javaLong = valueLayoutType.getField("JAVA_LONG").get(null);
            Object arguments = Array.newInstance(layoutType, 2);
            Array.set(arguments, 0, javaInt);
            Array.set(arguments, 1, address);
            Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass())
                    .invoke(null, javaInt, arguments);
            Object noOptions = Array.newInstance(optionType, 0);
            MethodHandle getrusage = (MethodHandle) linkerType
                    .getMethod("downcallHandle", segmentType, descriptorType, noOptions.getClass())
                    .invoke(linker, symbol.get(), descriptor, noOptions);
            Object arena = arenaType.getMethod("global").invoke(null);
            Object usage = arenaType.getMethod("allocate", long.class, long.class)
                    .invoke(arena, STRUCT_RUSAGE_BYTES, Long.BYTES);
            MethodHandle getLong = MethodHandles.publicLookup().findVirtual(segmentType, "get",
                    MethodType.methodType(long.class, longLayoutType, long.class));
            SelfResourceUsage bound = new SelfResourceUsage(getrusage, getLong, javaLong, usage);
            // A binding that cannot answer once is no binding: better not counted than a wrong figure.
            return bound.read().counted() ? Optional.of(bound) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
