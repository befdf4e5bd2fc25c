package io.casedesk.launcher;

import io.casedesk.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./casedesk}'s command line: exit codes 0 / 1 / 2, usage errors on stderr, help and version on stdout. */
class CasedeskCommandLineTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("casedesk.repository", "../..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    /** A stack on ports nothing listens on, with its data in a fresh directory. */
    private Run run(String... args) {
        int nobody = FreePorts.pick();
        StackSettings settings = new StackSettings(REPOSITORY, home, nobody, nobody, nobody, nobody, nobody, nobody,
                nobody, nobody, nobody, nobody, nobody, false, null, StackSettings.LOOPBACK);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Casedesk.execute(settings, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpIsPrintedOnStdoutAndExitsZero() {
        for (String[] help : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Run run = run(help);
            assertThat(run.exit()).as(String.join(" ", help)).isZero();
            assertThat(run.out()).contains("Usage: ./casedesk").contains("up").contains("down").contains("status")
                    .contains("say").contains("mail").contains("replay").contains("test [MAVEN ARGS...]");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        Run up = run("up", "--help");
        assertThat(up.exit()).isZero();
        assertThat(up.out()).contains("--detach").contains("--odoo").contains("--bundle=FILE").contains("--clock=TIME");
        Run helpDown = run("help", "down");
        assertThat(helpDown.exit()).isZero();
        assertThat(helpDown.out()).contains("--wipe");
        assertThat(run("replay", "--help").out()).contains("--topic=TOPIC").contains("--responder-prop=KEY=VALUE");
    }

    @Test
    void versionComesFromTheBuild() {
        Run run = run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("CaseDesk ").doesNotContain("${").doesNotContain("unknown");
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("CaseDesk \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnStderr() {
        Run run = run("bogus");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("bogus").contains("Usage: ./casedesk");
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Which command?").contains("Usage: ./casedesk");
    }

    @Test
    void unknownOptionsAreRefusedNotIgnored() {
        Run up = run("up", "--bogus");
        assertThat(up.exit()).isEqualTo(2);
        assertThat(up.err()).contains("Unknown option: '--bogus'").contains("Usage: ./casedesk up");
        assertThat(up.out()).isEmpty();
        assertThat(run("down", "--wipe", "--force").exit()).isEqualTo(2);
        assertThat(run("status", "extra").exit()).isEqualTo(2);
        Run replay = run("replay", "--topic", "cs.triaged.v1", "--frob");
        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).contains("--frob");
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        Run say = run("say", "C-1001");
        assertThat(say.exit()).isEqualTo(2);
        assertThat(say.err()).contains("TEXT").contains("Usage: ./casedesk say");
        Run both = run("say", "C-1001", "hello", "--file", "scan.pdf");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        Run unreadable = run("say", "C-1001", "--file", "/nonexistent/scan.pdf");
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.err()).contains("Cannot read /nonexistent/scan.pdf");
        assertThat(run("mail", "a@example.com", "subject").exit()).isEqualTo(2);
        assertThat(run("up", "--clock").exit()).isEqualTo(2);
    }

    @Test
    void replaysMistakesAreUsageErrorsThatSayWhatToWrite() {
        Run noTopic = run("replay", "--conversation", "x");
        assertThat(noTopic.exit()).isEqualTo(2);
        assertThat(noTopic.err()).contains("--topic <topic>");
        Run badTime = run("replay", "--topic", "cs.triaged.v1", "--from", "yesterday");
        assertThat(badTime.exit()).isEqualTo(2);
        assertThat(badTime.err()).contains("--from 'yesterday' is not a time");
    }

    @Test
    void upRefusesABadClockOrAMissingBundleAsUsageErrors() {
        Run clock = run("up", "--clock", "next tuesday");
        assertThat(clock.exit()).isEqualTo(2);
        assertThat(clock.err()).contains("--clock 'next tuesday' is not a time");
        Run bundle = run("up", "--bundle", home.resolve("missing.json").toString());
        assertThat(bundle.exit()).isEqualTo(2);
        assertThat(bundle.err()).contains("no such file");
    }

    @Test
    void upRefusesToStartAnotherFirmOnTopOfTheDataOfOne() throws Exception {
        new StackState(settingsFor(home)).markFirm("明理法律事務所 / Mingli Law Offices", Casedesk.demoBundle(REPOSITORY));
        Path other = home.resolve("other-firm.json");
        Files.writeString(other, "{\"firm\": {\"name\": \"Harbour & Pine Attorneys\", \"timezone\": \"Asia/Taipei\"},"
                + " \"customers\": [], \"cases\": [], \"articles\": []}");

        Run run = run("up", "--bundle", other.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("holds the records of another firm, 明理法律事務所 / Mingli Law Offices")
                .contains("not of Harbour & Pine Attorneys").contains("./casedesk down --wipe");
    }

    @Test
    void failuresExitOneWithTheReasonOnStderr() {
        Run say = run("say", "C-1001", "hello");
        assertThat(say.exit()).isEqualTo(1);
        assertThat(say.err()).contains("Cannot reach the LINE simulator");
        Run status = run("status");
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("not running");
    }

    @Test
    void downWithNothingRunningSaysSoAndSucceeds() {
        Run down = run("down");
        assertThat(down.exit()).isZero();
        assertThat(down.out()).contains("CaseDesk is not running.");
    }

    @Test
    void downStopsTheProcessesAnEarlierRunLeftInItsStateFileAndNoOthers() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process leftover = new ProcessBuilder("sleep", "600").start();
        Process stranger = new ProcessBuilder("sleep", "600").start();
        try {
            java.util.Properties state = new java.util.Properties();
            state.setProperty("supervisor", String.valueOf(gone.pid()));
            state.setProperty("pid.classifier", String.valueOf(leftover.pid()));
            state.setProperty("started.classifier",
                    String.valueOf(leftover.info().startInstant().orElseThrow().toEpochMilli()));
            // Its pid, but another start time: a process that took the pid of one the stack had started.
            state.setProperty("pid.responder", String.valueOf(stranger.pid()));
            state.setProperty("started.responder",
                    String.valueOf(stranger.info().startInstant().orElseThrow().minusSeconds(3600).toEpochMilli()));
            try (var writer = Files.newBufferedWriter(home.resolve(StackState.STATE_FILE))) {
                state.store(writer, null);
            }

            Run down = run("down");

            assertThat(down.exit()).isZero();
            assertThat(down.out()).contains("classifier (pid " + leftover.pid() + ")").doesNotContain("responder");
            assertThat(leftover.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(home.resolve(StackState.STATE_FILE)).doesNotExist();
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    private StackSettings settingsFor(Path directory) {
        return new StackSettings(REPOSITORY, directory, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, false, null, StackSettings.LOOPBACK);
    }
}
