package io.casedesk.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void onATerminalTheLineIsRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "replaying", 4, true,
                Duration.ofSeconds(5))) {
            bar.advance(1);
            bar.advance(3);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).startsWith("\rreplaying [#######.......................] 1/4  25%").contains("\rreplaying [##############################] 4/4 100%")
                .endsWith("\u001b[K\n");
        assertThat(printed.indexOf('\n')).as("one line, ended when done").isEqualTo(printed.length() - 1);
    }

    @Test
    void inALogItPrintsPlainLinesAtIntervalsAndTheLastOne() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "replaying", 10, false,
                Duration.ofMillis(50))) {
            bar.set(2);
            Thread.sleep(80);
            bar.set(5);
            bar.set(6); // within the interval: not printed
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(printed.lines().toList()).hasSize(2);
        assertThat(printed.lines().toList().get(0)).startsWith("replaying [###############...............] 5/10  50%");
        assertThat(printed.lines().toList().get(1)).startsWith("replaying [##################............] 6/10  60%");
    }

    @Test
    void aBarOfUnknownSizeIsFullAtTheEnd() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), "reading", 0, false, Duration.ofSeconds(1));
        assertThat(bar.render(Duration.ofSeconds(3))).isEqualTo("reading [##############################] 0/0 100% 3s");
    }
}
