package io.casedesk.launcher.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void withoutOptionsARunOffersTenMessagesASecondForAMinuteFromThreeHundredUsers() {
        BenchOptions options = BenchOptions.parse(List.of());

        assertThat(options.rate()).isEqualTo(10);
        assertThat(options.seconds()).isEqualTo(60);
        assertThat(options.users()).isEqualTo(300);
        assertThat(options.messages()).isEqualTo(600);
        assertThat(options.apiDelayMillis()).isNull();
        assertThat(options.outboundOnly()).isFalse();
        assertThat(options.kill()).isNull();
        assertThat(options.emailFraction()).isZero();
        assertThat(options.warmupSeconds()).isEqualTo(5);
        assertThat(options.drainSeconds()).isEqualTo(60);
        assertThat(options.idleSeconds()).isEqualTo(5);
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "12.5", "--seconds", "40", "--users", "50",
                "--api-delay", "80", "--kill", "Responder", "--kill-after", "10", "--email-fraction", "0.1",
                "--warmup", "0", "--drain", "30", "--idle", "2", "--seed", "7"));

        assertThat(options).isEqualTo(new BenchOptions(12.5, 40, 50, 80, false, "responder", 10, 0.1, 0, 30, 2, 7));
        assertThat(options.messages()).isEqualTo(500);
    }

    @Test
    void valuesMayFollowAnEqualsSign() {
        BenchOptions options = BenchOptions.parse(List.of("--rate=300", "--outbound-only", "--api-delay=80", "--seed=1"));

        assertThat(options.rate()).isEqualTo(300);
        assertThat(options.outboundOnly()).isTrue();
        assertThat(options.apiDelayMillis()).isEqualTo(80);
    }

    @Test
    void aKillComesHalfWayThroughTheRunUnlessToldOtherwise() {
        assertThat(BenchOptions.parse(List.of("--seconds", "60", "--kill", "ingress-line")).killAfter()).isEqualTo(30);
    }

    @Test
    void theCommandLineRepeatsTheRunWithItsSeed() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "20", "--kill", "responder", "--seed", "99"));

        assertThat(options.commandLine()).isEqualTo(
                "./casedesk bench --rate 20 --seconds 60 --users 300 --kill responder --kill-after 30 --warmup 5 --seed 99");
        assertThat(BenchOptions.parse(List.of(options.commandLine().substring("./casedesk bench ".length()).split(" "))))
                .isEqualTo(options);
    }

    @Test
    void wrongOptionsAreNamed() {
        assertRefused(List.of("--rate"), "--rate needs a value");
        assertRefused(List.of("--rate", "--seconds", "5"), "--rate needs a value");
        assertRefused(List.of("--rate", "fast"), "--rate takes a number");
        assertRefused(List.of("--rate", "0"), "--rate must be more than 0");
        assertRefused(List.of("--seconds", "1.5"), "--seconds takes a whole number");
        assertRefused(List.of("--seconds", "0"), "--seconds must be at least 1");
        assertRefused(List.of("--users", "0"), "--users must be at least 1");
        assertRefused(List.of("--api-delay", "-1"), "--api-delay must be from 0");
        assertRefused(List.of("--kill", "kafka"), "--kill takes one of case-service, ingress-line");
        assertRefused(List.of("--kill-after", "5"), "--kill-after needs --kill");
        assertRefused(List.of("--kill", "responder", "--seconds", "10", "--kill-after", "10"), "--kill-after must be");
        assertRefused(List.of("--email-fraction", "1.5"), "--email-fraction must be from 0 to 1");
        assertRefused(List.of("--outbound-only", "--email-fraction", "0.2"), "--outbound-only sends on LINE only");
        assertRefused(List.of("--outbound-only=yes"), "--outbound-only takes no value");
        assertRefused(List.of("--drain", "0"), "--drain at least 1");
        assertRefused(List.of("--fast"), "Unknown option '--fast'");
        assertRefused(List.of("20"), "Unknown option '20'");
    }

    private static void assertRefused(List<String> args, String message) {
        assertThatThrownBy(() -> BenchOptions.parse(args)).as(String.join(" ", args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
