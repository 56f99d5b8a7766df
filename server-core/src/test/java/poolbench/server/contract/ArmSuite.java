package poolbench.server.contract;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import poolbench.server.accept.Arms;
import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.Arm;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.CapPolicy;
import poolbench.server.spi.RunningServer;

/**
 * Every contract an arm must keep, in one class: an arm module extends this once, saying which arm, on which thread
 * model and whether it honours a cap, and runs all six groups (after Jetty's {@code AbstractThreadPoolTest}, one
 * small subclass per pool).
 * Each group's tests stay in their own contract class; the nested classes here only hand them this suite
 * ({@link ArmSubject} reads the arm from it).
 *
 * <ul>
 *   <li>{@link Dispatching}: the dispatcher alone, over fake connections ({@link DispatcherContractTest})</li>
 *   <li>{@link Contract}: the same bytes on the wire as every other arm ({@link ArmContractTest})</li>
 *   <li>{@link HostileClients}: misbehaving clients are closed in time ({@link HostileClientContractTest})</li>
 *   <li>{@link Framing}: one response per request, RFC 9112's statuses for bad framing
 *       ({@link RequestFramingContractTest})</li>
 *   <li>{@link OverloadSoak}: many more clients than the cap ({@link OverloadSoakContractTest})</li>
 *   <li>{@link Leaks}: many short connections leave nothing behind ({@link ConnectionLeakContractTest})</li>
 * </ul>
 */
public abstract class ArmSuite {

    /** Which threads serve connections, and whether one outlives its connection to serve the next. */
    public enum ThreadModel {
        PLATFORM_PER_CONNECTION(false, false),
        PLATFORM_POOL(false, true),
        VIRTUAL_PER_CONNECTION(true, false),
        VIRTUAL_POOL(true, true);

        final boolean virtual;
        final boolean pooled;

        ThreadModel(boolean virtual, boolean pooled) {
            this.virtual = virtual;
            this.pooled = pooled;
        }
    }

    /** What an arm module says of its arm: the three facts the contracts check it against. */
    private record Described(String armName, ThreadModel model, CapPolicy cap) {
    }

    private final Described described;

    protected ArmSuite(String armName, ThreadModel model, CapPolicy cap) {
        described = new Described(armName, model, cap);
    }

    /** The arm's name, as {@code poolbench serve --arm} takes it. */
    protected final String armName() {
        return described.armName();
    }

    protected final boolean capped() {
        return described.cap() == CapPolicy.HONOURS_CAP;
    }

    protected final boolean virtualThreads() {
        return described.model().virtual;
    }

    protected final boolean pooled() {
        return described.model().pooled;
    }

    /** The arm under test: found by name, as {@code poolbench serve} finds it. */
    protected Arm arm() {
        return Arms.require(armName());
    }

    @Nested
    class Dispatching extends DispatcherContractTest {
        Dispatching() {
            super(ArmSuite.this);
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
        HostileClients() {
            super(ArmSuite.this);
        }
    }

    @Nested
    class Framing extends RequestFramingContractTest {
        Framing() {
            super(ArmSuite.this);
        }
    }

    @Nested
    class OverloadSoak extends OverloadSoakContractTest {
        OverloadSoak() {
            super(ArmSuite.this);
        }
    }

    @Nested
    class Leaks extends ConnectionLeakContractTest {
        Leaks() {
            super(ArmSuite.this);
        }
    }
}
