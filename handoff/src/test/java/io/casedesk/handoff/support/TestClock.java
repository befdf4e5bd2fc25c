package io.casedesk.handoff.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time that flows, shifted to where a test wants it (a weekday morning in
 * Taipei by default), so timeouts and service hours are driven by moving it forward instead of by sleeping.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    /** Monday 2026-11-23, 10:00 in Taipei: inside the test firm's service hours. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T02:00:00Z");

    private volatile Duration offset = Duration.between(Instant.now(), MONDAY_MORNING);

    public void jumpTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC");
    }
}
