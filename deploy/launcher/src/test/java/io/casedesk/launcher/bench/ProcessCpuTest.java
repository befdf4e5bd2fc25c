package io.casedesk.launcher.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessCpuTest {

    /** A real line of a JVM's /proc/<pid>/stat (fields 1-24 of 52). */
    private static final String JAVA = "5392 (java) S 4981 4981 4975 0 -1 1077936384 104626 0 0 0 2173 391 7 3 20 0 "
            + "61 0 6649212 3296120832 80412 18446744073709551615 94569 94570 140726 0 0 0 0 0 16800975 0 0 0 17 1 0 0 "
            + "0 0 0 94580 94581 94582 140727 140728 140729 140730 0";

    @Test
    void userAndSystemTimeAreReadInClockTicksOfAHundredthOfASecond() {
        ProcessCpu.Stat stat = ProcessCpu.parse(JAVA);

        assertThat(stat.pid()).isEqualTo(5392);
        assertThat(stat.command()).isEqualTo("java");
        assertThat(stat.parentPid()).isEqualTo(4981);
        assertThat(stat.userTicks()).isEqualTo(2173);
        assertThat(stat.systemTicks()).isEqualTo(391);
        assertThat(stat.ownMillis()).isEqualTo(25_640);
        assertThat(stat.endedChildrenMillis()).isEqualTo(100);
    }

    /** The command is whatever the process named itself: spaces and parentheses included. */
    @Test
    void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcessCpu.Stat stat = ProcessCpu.parse(
                "812 (postgres: io (worker) 0) S 5297 5297 5297 0 -1 4194368 60 0 0 0 12 34 56 78 20 0 1 0 6650000 0 0");

        assertThat(stat.command()).isEqualTo("postgres: io (worker) 0");
        assertThat(stat.parentPid()).isEqualTo(5297);
        assertThat(stat.userTicks()).isEqualTo(12);
        assertThat(stat.systemTicks()).isEqualTo(34);
        assertThat(stat.childUserTicks()).isEqualTo(56);
        assertThat(stat.childSystemTicks()).isEqualTo(78);
    }

    @Test
    void linesOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> ProcessCpu.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.parse("12 java S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.parse("12 (java) S 1 2 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
        assertThatThrownBy(() -> ProcessCpu.parse("12 (java) S 1 2 3 4 5 6 7 8 9 10 x 12 13 14"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void theMachineIsBusyExceptWhenIdleOrWaitingForIo() {
        ProcessCpu.Machine before = ProcessCpu.parseMachine("cpu  100 0 50 800 50 0 0 0 0 0");
        ProcessCpu.Machine after = ProcessCpu.parseMachine("cpu  250 10 90 1000 50 5 5 0 40 0");

        assertThat(before.busyTicks()).isEqualTo(150);
        assertThat(before.totalTicks()).isEqualTo(1000);
        // 210 busy ticks (150 user and nice, 40 system, 10 interrupts) of 410.
        assertThat(after.busySince(before)).isCloseTo(210.0 / 410, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> ProcessCpu.parseMachine("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessHasUsedSomeCpuAndAGoneOneNone() {
        assertThat(ProcessCpu.read(ProcessHandle.current().pid())).hasValueSatisfying(
                stat -> assertThat(stat.command()).isNotBlank());
        assertThat(ProcessCpu.treeMillis(Long.MAX_VALUE)).isEmpty();
    }
}
