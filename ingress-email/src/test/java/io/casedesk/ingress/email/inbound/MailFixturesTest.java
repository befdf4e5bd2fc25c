package io.casedesk.ingress.email.inbound;

import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.schema.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real-world fixture mail (the Ruby mail gem's corpus, many deliberately broken) through the real parser.
 * {@code mail-fixtures.tsv} holds each file's expected outcome, so any change in behaviour shows up here.
 * After an intended change, regenerate it with {@code -Dmail-fixtures.regenerate=true} and review the diff.
 */
class MailFixturesTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String EXPECTATIONS = "mail-fixtures.tsv";

    private final InboundMails parser = new InboundMails("help@firm.example", "casedesk.local", MailLimits.DEFAULT);

    @Test
    void everyFixtureHasItsExpectedOutcome() throws Exception {
        // The real-world mails of a mail library's test suite (copied unchanged, with their licence) and
        // CaseDesk's own fixtures (under casedesk/): every one of them runs.
        Path shared = resource("peer-fixtures/mail-emails");
        Path own = resource("mail-fixtures");
        List<Path> files = new ArrayList<>(emlFilesUnder(shared));
        files.addAll(emlFilesUnder(own));
        assertThat(files).hasSizeGreaterThan(100);

        Map<String, String> actual = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            ParsedMail parsed = parser.parse(Files.readAllBytes(file), RECEIVED);
            assertSensible(file, parsed);
            Path root = file.startsWith(shared) ? shared : own;
            actual.put(root.relativize(file).toString().replace('\\', '/'), outcome(parsed));
            if (Boolean.getBoolean("mail-fixtures.regenerate") && parsed instanceof ParsedMail.Inbound inbound) {
                texts.add("=== " + file.getFileName() + " | " + inbound.message().email().subject() + " | "
                        + inbound.message().attachments() + "\n" + inbound.message().text());
            }
        }

        if (Boolean.getBoolean("mail-fixtures.regenerate")) {
            List<String> lines = new ArrayList<>();
            lines.add("# file\toutcome\tkind|reason\tattachments");
            actual.forEach((file, outcome) -> lines.add(file + "\t" + outcome));
            Files.write(Path.of("src/test/resources", EXPECTATIONS), lines, StandardCharsets.UTF_8);
            // For reviewing the extracted texts by eye; not committed.
            Files.write(Path.of("target", "mail-fixtures-texts.txt"), texts, StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expectations());
    }

    /** The fixtures written for CaseDesk's customers: the exact new text, quotes and signatures cut. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "big5_reply_traditional.eml|律師您好，\\n請問我的案件 112-訴-33 下次開庭是什麼時候？\\n\\n陳小姐",
            "gb2312_outlook_reply_simplified.eml|您好：\\n我想预约下周三下午的会面，朱镕先生也会一起来。",
            "big5_html_only.eml|請問費用怎麼付款？\\n謝謝",
            "iso2022jp_reply.eml|書類はいつまでに提出すればよいですか。",
            "gb18030_out_of_office.eml|我目前不在办公室，一月十日回来。"})
    void extractsTheNewTextOfCaseDeskFixtures(String file, String expected) throws Exception {
        ParsedMail parsed = parser.parse(Files.readAllBytes(resource("mail-fixtures/casedesk/" + file)), RECEIVED);
        assertThat(parsed).isInstanceOfSatisfying(ParsedMail.Inbound.class,
                inbound -> assertThat(inbound.message().text()).isEqualTo(expected.replace("\\n", "\n")));
    }

    @Test
    void recognisesTheBounceOfOurReply() throws Exception {
        ParsedMail parsed = parser.parse(Files.readAllBytes(resource("mail-fixtures/casedesk/bounce_of_our_reply.eml")),
                RECEIVED);
        assertThat(parsed).isEqualTo(new ParsedMail.Bounce("0b3f2a4e-1111-3222-8333-444455556666", "gone@example.tw",
                "5.1.1", "<bounce-our-1@mx.example.tw>"));
    }

    private static void assertSensible(Path file, ParsedMail parsed) {
        if (parsed instanceof ParsedMail.Inbound inbound) {
            InboundMessage message = inbound.message();
            assertThat(message.senderId()).as(file.toString()).contains("@").isLowerCase();
            assertThat(message.email().messageId()).as(file.toString()).startsWith("<").endsWith(">");
            assertThat(!message.text().isBlank() || !message.attachments().isEmpty())
                    .as(file + " has text or attachments").isTrue();
            assertThat(message.text()).as(file.toString()).doesNotContain("\r").doesNotContain("<html");
        } else if (parsed instanceof ParsedMail.Quarantined quarantined) {
            assertThat(quarantined.reason()).as(file.toString()).isNotBlank();
        }
    }

    /** The outcome as one table row: inbound kind and attachment count, bounce status, or quarantine reason. */
    private static String outcome(ParsedMail parsed) {
        if (parsed instanceof ParsedMail.Inbound inbound) {
            return (inbound.automatic() ? "auto" : "inbound") + "\t"
                    + inbound.message().kind().name().toLowerCase() + "\t" + inbound.message().attachments().size();
        }
        if (parsed instanceof ParsedMail.Bounce bounce) {
            return "bounce\t" + bounce.status() + "\t0";
        }
        return "quarantine\t" + ((ParsedMail.Quarantined) parsed).reason() + "\t0";
    }

    private static Map<String, String> expectations() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (var in = MailFixturesTest.class.getClassLoader().getResourceAsStream(EXPECTATIONS)) {
            assertThat(in).as(EXPECTATIONS).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    expected.put(line.substring(0, tab), line.substring(tab + 1).strip());
                }
            }
        }
        return expected;
    }

    private static List<Path> emlFilesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(MailFixturesTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
