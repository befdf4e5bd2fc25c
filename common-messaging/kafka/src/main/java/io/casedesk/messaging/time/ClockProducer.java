package io.casedesk.messaging.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The clock a service reads business time from (what "today" is for a next step, whether the firm is open, when a
 * timeout is due): the system's, or, with {@code casedesk.clock.start} (an ISO date-time), one that starts at that
 * moment and runs on from there. Tests and probe runs pin the date their records were written for while time still
 * passes; tests that drive time replace the bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "casedesk.clock.start") Optional<OffsetDateTime> start) {
        return startingAt(Clock.systemUTC(), start);
    }

    /** {@code system}, or a clock that reads {@code start} now and runs on at {@code system}'s pace. */
    static Clock startingAt(Clock system, Optional<OffsetDateTime> start) {
        return start.map(s -> Clock.offset(system, Duration.between(system.instant(), s.toInstant()))).orElse(system);
    }
}
