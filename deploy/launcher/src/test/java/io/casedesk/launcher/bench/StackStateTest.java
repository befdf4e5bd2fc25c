package io.casedesk.launcher.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StackStateTest {

    @Test
    void pidsAndPortsAreReadFromWhatUpRecorded() {
        Properties properties = new Properties();
        properties.setProperty("supervisor", "4981");
        properties.setProperty("pid.kafka", "5178");
        properties.setProperty("pid.responder", "5392");
        properties.setProperty("port.responder", "8084");

        StackState state = StackState.parse(properties);

        assertThat(state.recordedPids()).containsOnlyKeys("kafka", "responder").containsEntry("responder", 5392L);
        assertThat(state.port("responder")).contains(8084);
        assertThat(state.port("kafka")).isEmpty();
    }

    @Test
    void aRunningPartIsFoundByItsRecordedPid() {
        long self = ProcessHandle.current().pid();
        Properties properties = new Properties();
        properties.setProperty("supervisor", String.valueOf(self));
        properties.setProperty("pid.line-simulator", String.valueOf(self));

        assertThat(StackState.parse(properties).currentPid("line-simulator")).contains(self);
        assertThat(StackState.parse(properties).currentPid("responder")).isEmpty();
    }

    @Test
    void noStateOrADeadSupervisorIsNoRunningStack(@TempDir Path home) throws Exception {
        assertThat(StackState.read(home)).isEmpty();

        Files.writeString(home.resolve(StackState.FILE), "supervisor=" + Long.MAX_VALUE + "\npid.kafka=1\n");

        assertThat(StackState.read(home)).isEmpty();
    }
}
