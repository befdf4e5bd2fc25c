package io.casedesk.messaging.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClockProducerTest {

    @Test
    void withoutAStartTheSystemClockIsUsed() {
        Clock system = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

        assertThat(ClockProducer.startingAt(system, Optional.empty())).isSameAs(system);
    }

    @Test
    void aStartedClockReadsItsStartNowAndRunsOnAtTheSystemsPace() {
        MovableClock system = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        Clock clock = ClockProducer.startingAt(system, Optional.of(OffsetDateTime.parse("2026-12-05T10:00:00+08:00")));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
        system.now = system.now.plus(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-05T03:30:00Z"));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
