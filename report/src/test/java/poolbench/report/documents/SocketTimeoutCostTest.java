package poolbench.report.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.compare.plan.Workload;
import poolbench.compare.record.LaunchRecord;
import poolbench.report.run.KnownArms;
import poolbench.report.run.Launches;
import poolbench.report.run.Runs;

class SocketTimeoutCostTest {

    @Test
    void theAblationIsReadFromCostAtEqualLoadWithinEachComparison() {
        List<LaunchRecord> records = new ArrayList<>(Launches.comparison(Workload.PLAINTEXT, 64).launches(3)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(10)).arm(KnownArms.VIRTUAL, Launches.Cell.cpu(11)).build());
        records.addAll(Launches.comparison(Workload.PLAINTEXT_SOCKET_TIMEOUTS, 64).launches(3)
                .arm(KnownArms.CLASSIC, Launches.Cell.cpu(10.5)).arm(KnownArms.VIRTUAL, Launches.Cell.cpu(21))
                .build());
        Markdown md = new Markdown();
        SocketTimeoutCost.render(md, Runs.compared(records));
        String text = md.toString();
        assertTrue(text.contains(SocketTimeoutCost.TITLE), text);
        assertTrue(text.contains("| 64 | 1,000 req/s / 1,000 req/s | 1.10× (95% 1.10×–1.10× over 3 launches) | "
                + "2.00× (95% 2.00×–2.00× over 3 launches) | 10.0 → 10.5 | 11.0 → 21.0 |"), text);
        assertTrue(!text.contains("requests/s, --timeouts socket"), "no requests/s ratio");
    }

    @Test
    void withoutTheAblationTheSectionSaysWhatItNeeds() {
        Markdown md = new Markdown();
        SocketTimeoutCost.render(md, Runs.set(List.of(Runs.run(KnownArms.CLASSIC, Workload.PLAINTEXT, 64, 1)
                .build())));
        assertTrue(md.toString().contains("Needs the `plaintext-socket-timeouts` comparison"), md.toString());
    }
}
