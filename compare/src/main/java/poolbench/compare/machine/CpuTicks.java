package poolbench.compare.machine;

/**
 * One CPU's time from a {@code /proc/stat} line, in clock ticks (USER_HZ). {@code guest} and {@code guest_nice} are
 * already inside {@code user} and {@code nice}, so they are not read.
 */
public record CpuTicks(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    public static final CpuTicks ZERO = new CpuTicks(0, 0, 0, 0, 0, 0, 0, 0);

    /** {@code "cpu0 19915 0 3051 21838 28 0 278 9 0 0"} without its name: the numbers after it. */
    public static CpuTicks parse(String[] fields) {
        return new CpuTicks(at(fields, 1), at(fields, 2), at(fields, 3), at(fields, 4), at(fields, 5), at(fields, 6),
                at(fields, 7), at(fields, 8));
    }

    private static long at(String[] fields, int i) {
        return i < fields.length ? Long.parseLong(fields[i]) : 0;
    }

    public long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    /** Ticks something ran: neither idle nor waiting for I/O with nothing to run. */
    public long busy() {
        return user + nice + system + irq + softirq + steal;
    }

    /** Interrupt and softirq time: on loopback, mostly the run's own packets (see {@link Interference}). */
    public long interrupts() {
        return irq + softirq;
    }

    public CpuTicks minus(CpuTicks o) {
        return new CpuTicks(user - o.user, nice - o.nice, system - o.system, idle - o.idle, iowait - o.iowait,
                irq - o.irq, softirq - o.softirq, steal - o.steal);
    }

    public CpuTicks plus(CpuTicks o) {
        return new CpuTicks(user + o.user, nice + o.nice, system + o.system, idle + o.idle, iowait + o.iowait,
                irq + o.irq, softirq + o.softirq, steal + o.steal);
    }
}
