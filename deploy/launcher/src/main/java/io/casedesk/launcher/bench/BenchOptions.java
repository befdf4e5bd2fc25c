package io.casedesk.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ./casedesk bench} is asked to do.
 *
 * @param rate          messages offered per second (open loop: each sent at its time, whatever came back)
 * @param seconds       how long the measured run offers them
 * @param users         how many LINE users write (strangers to the firm, new for each run)
 * @param apiDelayMillis the LINE simulator's Messaging API delay for the run, or {@code null} to leave it as it is
 * @param outboundOnly  drive {@code cs.outbound.line.v1} directly: only ingress-line's sending is measured
 * @param kill          the service to {@code kill -9} during the run, or {@code null}
 * @param killAfter     seconds into the measured run at which it is killed
 * @param emailFraction the share of messages written by email instead (0 to 1)
 * @param warmupSeconds seconds at the same rate before the measured run, not counted
 * @param drainSeconds  the longest wait for answers after the last message
 * @param idleSeconds   how long the idle CPU of every process is measured before the run
 * @param seed          seeds the choice of users and texts, so a run can be repeated
 */
public record BenchOptions(double rate, int seconds, int users, Integer apiDelayMillis, boolean outboundOnly,
        String kill, int killAfter, double emailFraction, int warmupSeconds, int drainSeconds, int idleSeconds,
        long seed) {

    /** The services a run may kill: the ones the local stack starts. */
    public static final List<String> KILLABLE = List.of("case-service", "ingress-line", "ingress-email", "classifier",
            "responder", "handoff");

    public static final String USAGE = """
            bench [options]      drive the running stack (./casedesk up) through the LINE simulator and time every
                                 customer message to the bot's reply; prints the rates, latency percentiles, lost and
                                 twice-answered messages (a message the bot leaves to the person who owns its
                                 conversation is counted apart, from the responder's metrics) and the CPU per message
                                 of every process
              --rate R           messages per second, offered open loop (default 10)
              --seconds S        length of the measured run (default 60)
              --users U          LINE users writing, new ones each run (default 300)
              --api-delay MS     the simulator's Messaging API answers after MS milliseconds during the run
              --outbound-only    publish answers to cs.outbound.line.v1 directly: ingress-line's sending alone
              --kill SERVICE     kill -9 one service during the run (the stack starts it again) and check that
                                 every acknowledged message is answered exactly once
              --kill-after S     seconds into the run for --kill (default: half of it)
              --email-fraction F write this share of the messages by email through the local mail server (0-1)
              --warmup S         seconds at the same rate before the measured run, not counted (default 5)
              --drain S          the longest wait for answers after the last message (default 60)
              --idle S           seconds of idle CPU measured before the run, subtracted (default 5)
              --seed N           repeat a run's users and texts
            """;

    public BenchOptions {
        if (!(rate > 0) || rate > 10_000) {
            throw new IllegalArgumentException("--rate must be more than 0 and at most 10000, not " + rate);
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1");
        }
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1");
        }
        if (apiDelayMillis != null && (apiDelayMillis < 0 || apiDelayMillis > 60_000)) {
            throw new IllegalArgumentException("--api-delay must be from 0 to 60000 milliseconds");
        }
        if (kill != null && !KILLABLE.contains(kill)) {
            throw new IllegalArgumentException("--kill takes one of " + String.join(", ", KILLABLE) + ", not '" + kill + "'");
        }
        if (kill != null && (killAfter < 0 || killAfter >= seconds)) {
            throw new IllegalArgumentException("--kill-after must be from 0 to less than --seconds (" + seconds + ")");
        }
        if (!(emailFraction >= 0 && emailFraction <= 1)) {
            throw new IllegalArgumentException("--email-fraction must be from 0 to 1");
        }
        if (outboundOnly && emailFraction > 0) {
            throw new IllegalArgumentException("--outbound-only sends on LINE only: leave out --email-fraction");
        }
        if (warmupSeconds < 0 || drainSeconds < 1 || idleSeconds < 0) {
            throw new IllegalArgumentException("--warmup and --idle must be at least 0, --drain at least 1");
        }
    }

    /** How many messages the measured run offers. */
    public int messages() {
        return (int) Math.round(rate * seconds);
    }

    /**
     * The options of {@code ./casedesk bench}, from its arguments.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or has a wrong one
     */
    public static BenchOptions parse(List<String> args) {
        double rate = 10;
        int seconds = 60;
        int users = 300;
        Integer apiDelay = null;
        boolean outboundOnly = false;
        String kill = null;
        Integer killAfter = null;
        double emailFraction = 0;
        int warmup = 5;
        int drain = 60;
        int idle = 5;
        Long seed = null;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String name = option;
            String inline = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                name = option.substring(0, equals);
                inline = option.substring(equals + 1);
            }
            switch (name) {
                case "--outbound-only" -> {
                    if (inline != null) {
                        throw new IllegalArgumentException("--outbound-only takes no value");
                    }
                    outboundOnly = true;
                }
                case "--rate" -> rate = number(name, value(name, inline, rest));
                case "--seconds" -> seconds = whole(name, value(name, inline, rest));
                case "--users" -> users = whole(name, value(name, inline, rest));
                case "--api-delay" -> apiDelay = whole(name, value(name, inline, rest));
                case "--kill" -> kill = value(name, inline, rest).toLowerCase(Locale.ROOT);
                case "--kill-after" -> killAfter = whole(name, value(name, inline, rest));
                case "--email-fraction" -> emailFraction = number(name, value(name, inline, rest));
                case "--warmup" -> warmup = whole(name, value(name, inline, rest));
                case "--drain" -> drain = whole(name, value(name, inline, rest));
                case "--idle" -> idle = whole(name, value(name, inline, rest));
                case "--seed" -> seed = wholeLong(name, value(name, inline, rest));
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
            }
        }
        if (killAfter != null && kill == null) {
            throw new IllegalArgumentException("--kill-after needs --kill");
        }
        return new BenchOptions(rate, seconds, users, apiDelay, outboundOnly, kill,
                killAfter != null ? killAfter : seconds / 2, emailFraction, warmup, drain, idle,
                seed != null ? seed : System.nanoTime());
    }

    /** The options as a command line that repeats the run (with its seed). */
    public String commandLine() {
        StringBuilder line = new StringBuilder("./casedesk bench --rate ").append(formatRate(rate))
                .append(" --seconds ").append(seconds).append(" --users ").append(users);
        if (apiDelayMillis != null) {
            line.append(" --api-delay ").append(apiDelayMillis);
        }
        if (outboundOnly) {
            line.append(" --outbound-only");
        }
        if (kill != null) {
            line.append(" --kill ").append(kill).append(" --kill-after ").append(killAfter);
        }
        if (emailFraction > 0) {
            line.append(" --email-fraction ").append(emailFraction);
        }
        return line.append(" --warmup ").append(warmupSeconds).append(" --seed ").append(seed).toString();
    }

    static String formatRate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static String value(String name, String inline, List<String> rest) {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return rest.remove(0);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
        }
    }

    private static int whole(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }

    private static long wholeLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }
}
