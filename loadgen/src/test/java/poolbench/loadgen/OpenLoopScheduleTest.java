package poolbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void intendedTimesFollowTheRateWithoutDrift() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 3);
        assertEquals(1_000, schedule.take());
        assertEquals(1_000 + 333_333_333, schedule.take());
        assertEquals(1_000 + 666_666_666, schedule.take());
        for (int i = 3; i < 3_000_000; i++) {
            schedule.take();
        }
        assertEquals(1_000 + 1_000_000_000_000_000L, schedule.nextIntendedTime());
    }

    @Test
    void requestsNotTakenInTimeStayDueInsteadOfShiftingTheSchedule() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1000);
        assertEquals(0, schedule.dueBefore(0));
        assertEquals(10, schedule.dueBefore(10_000_000));
        schedule.take();
        schedule.take();
        assertEquals(8, schedule.dueBefore(10_000_000));
        assertEquals(2_000_000, schedule.nextIntendedTime());
    }
}
