package io.casedesk.launcher;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayOptionsTest {

    @Test
    void readsEveryOption() {
        ReplayOptions options = ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--conversation", "line:a:b",
                "--conversation", "email:s:c", "--from", "2026-11-21T08:00:00Z", "--to", "2026-11-21T10:00:00+01:00",
                "--shadow", "--responder-prop", "casedesk.responder.engine=openai", "--timeout", "30",
                "--bootstrap-servers", "127.0.0.1:9092"));

        assertThat(options.conversations()).containsExactlyInAnyOrder("line:a:b", "email:s:c");
        assertThat(options.from()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(options.to()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(options.shadowEvaluation()).isTrue();
        assertThat(options.targetTopic()).isEqualTo("cs.triaged.v1.shadow");
        assertThat(options.responderProperties()).isEqualTo(Map.of("casedesk.responder.engine", "openai"));
        assertThat(options.timeout().toSeconds()).isEqualTo(30);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--from", "2026-11-21T08:00:00Z",
                "--to", "2026-11-21T08:00:00Z"))).hasMessageContaining("must be before");
    }

    @Test
    void anUnknownTopicIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triage.v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown topic 'cs.triage.v1'")
                .hasMessageContaining("cs.triaged.v1").hasMessageContaining("cs.outbound.line.v1");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--conversation", "x")))
                .hasMessageContaining("--topic <topic>");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--from", "yesterday")))
                .hasMessageContaining("--from 'yesterday' is not a time");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.inbound.v1", "--responder-prop", "a=b")))
                .hasMessageContaining("--topic cs.triaged.v1 --shadow");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--shadow", "--responder-prop", "novalue")))
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--dry-run", "--shadow")))
                .hasMessageContaining("--dry-run");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic", "cs.triaged.v1", "--frob")))
                .hasMessageContaining("Unknown option '--frob'");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--topic")))
                .hasMessageContaining("--topic needs a value");
    }

    @Test
    void aDateMeansItsStartInTheLocalTimeZone() {
        Instant start = ReplayOptions.time("--from", "2026-11-21");
        assertThat(start).isEqualTo(java.time.LocalDate.parse("2026-11-21").atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
    }
}
