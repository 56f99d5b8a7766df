package poolbench.server.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.contract.FakeConnectionServerFactory;

/** A thread-per-connection arm's {@link CapPolicy} decides both what it does past the cap and what it says it does. */
@Timeout(30)
class ThreadPerConnectionArmTest {

    private final FakeConnectionServerFactory servers = new FakeConnectionServerFactory();

    private static Arm platformArm(CapPolicy cap) {
        return new ThreadPerConnectionArm("test-" + cap, "a new platform thread per connection", cap,
                () -> Thread.ofPlatform().daemon().factory()) {
        };
    }

    @Test
    void anArmThatHonoursTheCapRefusesTheConnectionPastItAndSaysSo() throws Exception {
        Arm arm = platformArm(CapPolicy.HONOURS_CAP);
        assertEquals("a new platform thread per connection, a fresh ConnectionServer each, no cap unless concurrency "
                + "is given (then a Semaphore); honours concurrency, logAllErrors; ignores maxIdleWorkerDuration, "
                + "order", arm.description());
        try (Dispatcher d = arm.create(ArmOptions.DEFAULTS.withConcurrency(1), servers)) {
            Socket first = servers.connection();
            assertTrue(d.dispatch(first));
            servers.awaitServed();
            assertFalse(d.dispatch(servers.connection()), "the second connection is past the cap of 1");
            servers.finish(first);
        }
    }

    @Test
    void anArmWithNoCapTakesEveryConnectionWhateverConcurrencySaysAndSaysSo() throws Exception {
        Arm arm = platformArm(CapPolicy.NO_CAP);
        assertEquals("a new platform thread per connection, a fresh ConnectionServer each, no cap; honours "
                + "logAllErrors; ignores concurrency, maxIdleWorkerDuration, order", arm.description());
        try (Dispatcher d = arm.create(ArmOptions.DEFAULTS.withConcurrency(1), servers)) {
            Socket first = servers.connection();
            Socket second = servers.connection();
            assertTrue(d.dispatch(first));
            assertTrue(d.dispatch(second), "concurrency 1 caps nothing here");
            servers.awaitServed();
            servers.awaitServed();
            assertEquals(0, d.stats().rejected());
            servers.finish(first);
            servers.finish(second);
        }
    }
}
