package poolbench.compare.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import poolbench.server.stats.StatsSnapshot;

/**
 * Samples a server's stats once a second on a thread of its own, so a record shows threads and workers over
 * time: through a burst, and through the idle phase after it.
 */
public final class StatsSampler implements AutoCloseable {

    private final StatsClient client;
    private final Duration interval;
    private final List<StatsSnapshot> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    public StatsSampler(StatsClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("stats-sampler").start(this::run);
    }

    private void run() {
        while (!stopped) {
            try {
                StatsSnapshot s = client.read();
                synchronized (samples) {
                    samples.add(s);
                }
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // A missed sample is a gap in the timeline, not a failed run.
                if (stopped) {
                    return;
                }
            }
        }
    }

    public List<StatsSnapshot> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
