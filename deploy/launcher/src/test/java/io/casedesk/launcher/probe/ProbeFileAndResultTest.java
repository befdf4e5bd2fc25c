package io.casedesk.launcher.probe;

import io.casedesk.launcher.probe.ProbeFile.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeFileAndResultTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("casedesk.repository", "../..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path directory;

    @Test
    void readsTheBundleBesideTheFileTheClockInTheFirmsZoneAndEveryExpectation() throws Exception {
        Files.copy(REPOSITORY.resolve("deploy/demo-data/lawfirm-demo.json"), directory.resolve("firm.json"));
        Path file = directory.resolve("probes.json");
        Files.writeString(file, """
                {"bundle": "firm.json", "clock": "2026-12-07T09:30",
                 "probes": [
                   {"id": "a", "from": "C-1001", "text": "進度？",
                    "expect": {"mustMention": ["2026-FAM-0142", ["林律師", "Attorney Lin"]], "mustNotMention": ["2026-CON-0388"],
                               "handoff": true}},
                   {"id": "b", "from": "someone@example.org", "subject": "Hi", "text": "hello"},
                   {"id": "c", "from": "someone@example.org", "replyTo": "b", "text": "and?"}]}""");

        ProbeFile probes = ProbeFile.read(file);

        assertThat(probes.firmName()).isEqualTo("明理法律事務所 / Mingli Law Offices");
        assertThat(probes.clock()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:30:00+08:00"));
        Probe a = probes.probes().get(0);
        assertThat(a.channel()).isEqualTo("line");
        assertThat(a.mustMention()).containsExactly(List.of("2026-FAM-0142"), List.of("林律師", "Attorney Lin"));
        assertThat(a.handoff()).isTrue();
        assertThat(probes.probes().get(1).email()).isTrue();
        assertThat(probes.probes().get(1).handoff()).isNull();
        assertThat(probes.probes().get(2).replyTo()).isEqualTo("b");
    }

    @Test
    void theDemoFirmsProbesReadAndCoverEveryKindOfQuestion() {
        ProbeFile probes = ProbeFile.read(REPOSITORY.resolve("deploy/demo-data/probes-demo.json"));

        assertThat(probes.probes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(probes.clock()).isNotNull();
        assertThat(probes.probes()).extracting(Probe::about).contains("status", "stale", "closed", "fees", "kb",
                "identity", "privacy", "injection", "pii", "urgent", "legal-opinion");
        assertThat(probes.probes()).extracting(Probe::channel).contains("line", "email");
    }

    @Test
    void theSecondFirmsProbesReadAgainstItsOwnBundle() {
        ProbeFile probes = ProbeFile.read(REPOSITORY.resolve("deploy/demo-data/probes-second.json"));

        assertThat(probes.firmName()).contains("Dadun United Law Offices");
        assertThat(probes.probes()).hasSize(40);
        assertThat(probes.probes()).extracting(Probe::channel).contains("line", "email");
    }

    @Test
    void theThirdFirmsProbesReadAgainstItsOwnBundle() {
        ProbeFile probes = ProbeFile.read(REPOSITORY.resolve("deploy/demo-data/probes-third.json"));

        assertThat(probes.firmName()).contains("Harbor City Law Offices");
        assertThat(probes.probes()).hasSize(45);
        assertThat(probes.probes()).extracting(Probe::channel).contains("line", "email");
    }

    @Test
    void theFourthFirmsProbesReadAgainstItsOwnBundle() {
        ProbeFile probes = ProbeFile.read(REPOSITORY.resolve("deploy/demo-data/probes-fourth.json"));

        assertThat(probes.firmName()).contains("Chihkan Partners Law Office");
        assertThat(probes.probes()).hasSize(45);
        assertThat(probes.probes()).extracting(Probe::channel).contains("line", "email");
    }

    @Test
    void mistakesInTheFileAreNamed() throws Exception {
        Path file = directory.resolve("probes.json");
        Files.writeString(file, "{\"bundle\": {\"firm\": {\"name\": \"F\"}, \"customers\": []}, \"probes\": ["
                + "{\"id\": \"x\", \"from\": \"C-9999\", \"text\": \"hi\"}]}");
        assertThatThrownBy(() -> ProbeFile.read(file)).hasMessageContaining("probe 'x'").hasMessageContaining("C-9999");
        Files.writeString(file, "{\"bundle\": {\"firm\": {\"name\": \"F\"}}, \"probes\": ["
                + "{\"id\": \"x\", \"from\": \"U00000000000000000000000000000000\", \"text\": \"hi\", \"replyTo\": \"y\"}]}");
        assertThatThrownBy(() -> ProbeFile.read(file)).hasMessageContaining("not an earlier probe");
        Files.writeString(file, "{\"bundle\": {\"firm\": {\"name\": \"F\"}}, \"clock\": \"soon\", \"probes\": ["
                + "{\"id\": \"x\", \"from\": \"stranger\", \"text\": \"hi\"}]}");
        assertThatThrownBy(() -> ProbeFile.read(file)).hasMessageContaining("clock 'soon'");
    }

    @Test
    void aResultSaysWhatIsMissingWhatMustNotBeThereAndWhetherAPersonWasAsked() {
        Probe probe = new Probe("p", "", "C-1001", "line", null, null, "進度？",
                List.of(List.of("2026-FAM-0142"), List.of("林律師", "Attorney Lin")), List.of("A123456789"), true);

        ProbeResult passed = ProbeResult.of(probe, "U1", "張先生您好，2026-FAM-0142 由林律師承辦。", List.of("stale_next_step"),
                Duration.ofSeconds(3));
        ProbeResult failed = ProbeResult.of(probe, "U1", "您的身分證字號 A123456789 已收到。", List.of(), Duration.ofSeconds(3));
        ProbeResult silent = ProbeResult.of(probe, "U1", "", List.of("needs_human"), Duration.ofSeconds(40));

        assertThat(passed.passed()).isTrue();
        assertThat(failed.reasons()).containsExactly("does not mention \"2026-FAM-0142\"",
                "does not mention any of \"林律師\" / \"Attorney Lin\"", "mentions \"A123456789\", which it must not",
                "no handoff to a person");
        assertThat(silent.reasons()).contains("no answer arrived");
        assertThat(ProbeResult.summary(List.of(passed, failed))).isEqualTo("1 of 2 probes pass; failing: p");
    }
}
