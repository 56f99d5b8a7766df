package poolbench.server;

import java.io.IOException;

import org.junit.jupiter.api.Nested;

/**
 * Every contract an arm must keep, in one class: an arm module extends this once, saying which arm and whether it
 * is capped, and runs all five groups (after Jetty's {@code AbstractThreadPoolTest}, one small subclass per pool).
 * Each group's tests stay in their own contract class; the nested classes here only hand them the arm.
 *
 * <ul>
 *   <li>{@link Dispatching}: the dispatcher alone, over fake connections ({@link DispatcherContractTest})</li>
 *   <li>{@link Contract}: the same bytes on the wire as every other arm ({@link ArmContractTest})</li>
 *   <li>{@link HostileClients}: misbehaving clients are closed in time ({@link HostileClientContractTest})</li>
 *   <li>{@link OverloadSoak}: many more clients than the cap ({@link OverloadSoakContractTest})</li>
 *   <li>{@link Leaks}: many short connections leave nothing behind ({@link ConnectionLeakContractTest})</li>
 * </ul>
 */
public abstract class ArmSuite {

    /** The arm's name, as {@code poolbench serve --arm} takes it. */
    protected abstract String armName();

    /** Whether the arm refuses connections beyond {@code --concurrency} (then with fasthttp's 503). */
    protected abstract boolean capped();

    /** Whether the arm serves on virtual threads (else platform threads). */
    protected abstract boolean virtualThreads();

    /** Whether a worker outlives its connection and serves the next (else a new thread per connection). */
    protected abstract boolean pooled();

    /** The arm under test: found by name, as {@code poolbench serve} finds it. */
    protected Arm arm() {
        return Arms.require(armName());
    }

    @Nested
    class Dispatching extends DispatcherContractTest {

        @Override
        protected String armName() {
            return ArmSuite.this.armName();
        }

        @Override
        protected Arm arm() {
            return ArmSuite.this.arm();
        }

        @Override
        protected boolean capped() {
            return ArmSuite.this.capped();
        }

        @Override
        protected boolean virtualThreads() {
            return ArmSuite.this.virtualThreads();
        }

        @Override
        protected boolean pooled() {
            return ArmSuite.this.pooled();
        }
    }

    @Nested
    class Contract extends ArmContractTest {

        @Override
        protected String armName() {
            return ArmSuite.this.armName();
        }

        @Override
        protected boolean capped() {
            return ArmSuite.this.capped();
        }

        @Override
        protected RunningServer startServer(ServerConfig config, ArmOptions options) throws IOException {
            return HttpServer.start(config, ArmSuite.this.arm(), options);
        }
    }

    @Nested
    class HostileClients extends HostileClientContractTest {

        @Override
        protected String armName() {
            return ArmSuite.this.armName();
        }

        @Override
        protected Arm arm() {
            return ArmSuite.this.arm();
        }
    }

    @Nested
    class OverloadSoak extends OverloadSoakContractTest {

        @Override
        protected String armName() {
            return ArmSuite.this.armName();
        }

        @Override
        protected Arm arm() {
            return ArmSuite.this.arm();
        }

        @Override
        protected boolean capped() {
            return ArmSuite.this.capped();
        }
    }

    @Nested
    class Leaks extends ConnectionLeakContractTest {

        @Override
        protected String armName() {
            return ArmSuite.this.armName();
        }

        @Override
        protected Arm arm() {
            return ArmSuite.this.arm();
        }
    }
}
