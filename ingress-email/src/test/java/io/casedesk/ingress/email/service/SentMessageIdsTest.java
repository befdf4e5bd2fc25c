package io.casedesk.ingress.email.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SentMessageIdsTest {

    @Test
    void theIdsOfSentMailsSurviveARestart(@TempDir Path directory) {
        Path file = directory.resolve("sent-message-ids.txt");
        new SentMessageIds(file, 100).remember("9F1C2B3A-0000-4000-8000-000000000001");

        SentMessageIds afterRestart = new SentMessageIds(file, 100);

        assertThat(afterRestart.wasSent("9f1c2b3a-0000-4000-8000-000000000001")).isTrue();
        assertThat(afterRestart.wasSent("9f1c2b3a-0000-4000-8000-000000000002")).isFalse();
    }

    @Test
    void keepsTheNewestAndRewritesTheFileWhenItHoldsTwiceAsMany(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("sent-message-ids.txt");
        SentMessageIds ids = new SentMessageIds(file, 3);
        for (int i = 1; i <= 7; i++) {
            ids.remember("id-" + i);
        }

        assertThat(ids.wasSent("id-4")).isFalse();
        assertThat(ids.wasSent("id-7")).isTrue();
        assertThat(Files.readAllLines(file)).containsExactly("id-5", "id-6", "id-7");
        SentMessageIds afterRestart = new SentMessageIds(file, 3);
        assertThat(afterRestart.wasSent("id-5")).isTrue();
        assertThat(afterRestart.wasSent("id-1")).isFalse();
    }
}
