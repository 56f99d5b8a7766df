package poolbench.compare.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.compare.plan.ArmLabel;
import poolbench.compare.plan.ServeOptions;
import poolbench.compare.plan.Workload;
import poolbench.server.connection.BufferOwnership;
import poolbench.server.connection.TimeoutMode;

/**
 * What compare gives a server crosses to an agent unchanged, and nothing else crosses: a start request cannot bind
 * a server elsewhere, open its stats, or hand it a JDBC URL with driver parameters of the sender's.
 */
class ServeFlagsTest {

    @Test
    void everyOptionCompareGivesAServerCrossesToTheAgentUnchanged() throws Exception {
        List<String> args = new ArrayList<>(new ServeOptions(64, Duration.ofSeconds(1), TimeoutMode.SOCKET,
                BufferOwnership.CONNECTION, 1).args());
        args.addAll(List.of("--downstream", "10.0.0.2:41234", "--db-url",
                "jdbc:postgresql://10.0.0.2:5433/postgres?user=postgres", "--db-pool-size", "16"));
        ServeFlags flags = ServeFlags.parse(args);
        assertEquals(args, flags.args());
        ServeFlags sent = AgentProtocol.STRICT.readValue(AgentProtocol.STRICT.writeValueAsBytes(flags),
                ServeFlags.class);
        assertEquals(args, sent.args());
        for (Workload w : List.of(Workload.overload(List.of(1)), Workload.burst(List.of(1), Duration.ofSeconds(1)),
                Workload.plaintextSocketTimeouts(List.of(1)), Workload.plaintextCloseConnectionBuffers(List.of(1)))) {
            assertEquals(w.serverArgs(), ServeFlags.parse(w.serverArgs()).args(), w.name());
        }
        for (ArmLabel l : ArmLabel.VARIANTS) {
            assertEquals(l.serverArgs(), ServeFlags.parse(l.serverArgs()).args(), l.label());
        }
    }

    @Test
    void aFlagTheAgentDoesNotPassIsRefusedByName() {
        for (String flag : List.of("--host", "--admin-host", "--port", "--arm", "--log-all-errors")) {
            String m = assertThrows(IllegalArgumentException.class,
                    () -> ServeFlags.parse(List.of(flag, "0.0.0.0"))).getMessage();
            assertTrue(m.startsWith("serve option " + flag + " is not one an agent passes"), m);
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServeFlags.parse(List.of("--concurrency", "1", "--concurrency", "2"))).getMessage()
                .contains("given twice"));
    }

    @Test
    void valuesOutsideTheirTypeAreRefusedWhenTheRecordIsMade() {
        assertThrows(IllegalArgumentException.class, () -> new ServeFlags(0, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ServeFlags(null, null, null, null, null, "10.0.0.2:1 --host 0.0.0.0", null, null));
        String url = assertThrows(IllegalArgumentException.class, () -> new ServeFlags(null, null, null, null, null,
                null, "jdbc:postgresql://10.0.0.2:5433/postgres?user=postgres&socketFactory=x.Y", null)).getMessage();
        assertTrue(url.startsWith("dbUrl must be jdbc:postgresql://host:port/postgres?user=postgres"), url);
        assertThrows(IllegalArgumentException.class,
                () -> ServeFlags.parse(List.of("--max-idle-worker-duration", "1s; rm -rf /")));
    }
}
