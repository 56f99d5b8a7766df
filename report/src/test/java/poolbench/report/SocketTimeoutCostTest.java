package poolbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.RunRecord;

class SocketTimeoutCostTest {

    @Test
    void eachArmGetsTheRatioOfTheAblationToTheDefaultRepeatByRepeat() {
        List<RunRecord> records = new ArrayList<>();
        for (int repeat = 1; repeat <= 2; repeat++) {
            records.add(Runs.run(KnownArms.CLASSIC, Workload.PLAINTEXT, 64, repeat).rps(100_000).build());
            records.add(Runs.run(KnownArms.CLASSIC, Workload.PLAINTEXT_SOCKET_TIMEOUTS, 64, repeat).rps(95_000)
                    .build());
            records.add(Runs.run(KnownArms.VIRTUAL, Workload.PLAINTEXT, 64, repeat).rps(100_000).build());
            records.add(Runs.run(KnownArms.VIRTUAL, Workload.PLAINTEXT_SOCKET_TIMEOUTS, 64, repeat)
                    .rps(repeat == 1 ? 50_000 : 60_000).build());
        }
        Markdown md = new Markdown();
        SocketTimeoutCost.render(md, Runs.set(records));
        String text = md.toString();
        assertTrue(text.contains(SocketTimeoutCost.TITLE), text);
        assertTrue(text.contains("| classic | 64 | 100,000 | 95,000 | 0.95× |"), text);
        assertTrue(text.contains("| virtual | 64 | 100,000 | 55,000 (50,000–60,000) | 0.55× (0.50×–0.60×) |"), text);
    }

    @Test
    void withoutTheAblationTheSectionSaysWhatItNeeds() {
        Markdown md = new Markdown();
        SocketTimeoutCost.render(md, Runs.set(List.of(Runs.run(KnownArms.CLASSIC, Workload.PLAINTEXT, 64, 1)
                .build())));
        assertTrue(md.toString().contains("Needs `plaintext-socket-timeouts`"), md.toString());
    }
}
