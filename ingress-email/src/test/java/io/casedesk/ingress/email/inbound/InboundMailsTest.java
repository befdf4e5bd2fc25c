package io.casedesk.ingress.email.inbound;

import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.ingress.email.mime.MailText;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class InboundMailsTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String OUTBOUND_ID = "0b3f2a4e-1111-3222-8333-444455556666";

    private final InboundMails parser = new InboundMails("Help@Firm.example", "casedesk.local", MailLimits.DEFAULT);

    @Test
    void mapsAPlainMailWithItsThreadHeaders() {
        InboundMessage message = inbound("""
                From: "Lin, Mei" <Mei.Lin@Example.COM>
                Reply-To: other@example.com
                To: help@firm.example
                Subject: =?UTF-8?B?5qGI5Lu26YCy5bqm?=
                Message-ID: <abc@mail.example>
                In-Reply-To: <prev@casedesk.local>
                References: <first@mail.example>
                 <prev@casedesk.local>
                Content-Type: text/plain; charset=UTF-8

                When is my hearing?
                """);

        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.senderId()).isEqualTo("mei.lin@example.com");
        assertThat(message.senderName()).isEqualTo("Lin, Mei");
        assertThat(message.text()).isEqualTo("When is my hearing?");
        assertThat(message.receivedAt()).isEqualTo(RECEIVED);
        assertThat(message.email().mailbox()).isEqualTo("help@firm.example");
        assertThat(message.email().replyTo()).isEqualTo("other@example.com");
        assertThat(message.email().subject()).isEqualTo("案件進度");
        assertThat(message.email().messageId()).isEqualTo("<abc@mail.example>");
        assertThat(message.email().inReplyTo()).isEqualTo("<prev@casedesk.local>");
        assertThat(message.email().references()).containsExactly("<first@mail.example>", "<prev@casedesk.local>");
        assertThat(message.answerable()).isTrue();
    }

    @Test
    void leavesOutAReplyToEqualToTheSender() {
        InboundMessage message = inbound("""
                From: a@example.com
                Reply-To: A@example.com
                Message-ID: <x@y>

                hi
                """);
        assertThat(message.email().replyTo()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Big5,您好，請問我的案件進度？", "GB2312,您好，请问我的案件进度？", "GBK,您好，请问我的案件进度？",
            "GB18030,您好，请问我的案件进度？", "ISO-2022-JP,お世話になっております。", "Shift_JIS,お世話になっております。",
            "UTF-8,您好，請問我的案件進度？"})
    void decodesBodyAndEncodedWordsInTheirCharset(String charset, String text) {
        byte[] body = text.getBytes(Charset.forName(charset));
        String subject = "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(body) + "?=";
        InboundMessage message = inbound(("From: a@example.com\nMessage-ID: <x@y>\nSubject: " + subject
                + "\nContent-Type: text/plain; charset=\"" + charset + "\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(body) + "\n"));
        assertThat(message.text()).isEqualTo(text);
        assertThat(message.email().subject()).isEqualTo(text);
    }

    @Test
    void decodesAnEncodedWordGluedToOtherText() {
        InboundMessage message = inbound("From: =?UTF-8?Q?=E5=BC=B5=E4=B8=89?=<a@example.com>\nMessage-ID: <x@y>\n"
                + "Subject: Re:=?UTF-8?B?5qGI5Lu2?=123\n\nhi\n");
        assertThat(message.email().subject()).isEqualTo("Re:案件123");
        assertThat(message.senderName()).isEqualTo("張三");
    }

    @Test
    void turnsAnHtmlOnlyMailIntoReadableText() {
        InboundMessage message = inbound("""
                From: a@example.com
                Message-ID: <x@y>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style></head><body><p>Hello,</p><div>my case&nbsp;number is <b>112-訴-33</b>.<br>Thanks</div>
                <blockquote>old stuff</blockquote></body></html>
                """);
        assertThat(message.text()).isEqualTo("Hello,\nmy case number is 112-訴-33.\nThanks");
    }

    @Test
    void prefersThePlainAlternative() {
        InboundMessage message = inbound("""
                From: a@example.com
                Message-ID: <x@y>
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/html

                <p>html version</p>
                --b
                Content-Type: text/plain

                plain version
                --b--
                """);
        assertThat(message.text()).isEqualTo("plain version");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "張先生 於 2026年1月1日 寫道：",
            "张先生 于 2026年1月1日 写道：",
            "-----原始郵件-----",
            "-----Original Message-----",
            "On Mon, Jan 5, 2026 at 10:00 AM Mei Lin <mei@example.com> wrote:",
            "From: Help Desk <help@firm.example>",
            "-- "})
    void stripsTheQuotedMessageAndSignature(String quoteHeader) {
        String body = "請問下次開庭是哪天？\n\n" + quoteHeader + "\nSent: Monday, January 5, 2026 10:00\n> 舊的內容\n";
        assertThat(MailText.newText(body)).isEqualTo("請問下次開庭是哪天？");
    }

    @Test
    void keepsTheWholeTextWhenOnlyAQuoteIsLeft() {
        assertThat(MailText.newText("> only a quote\n> nothing new")).isEqualTo("> only a quote\n> nothing new");
    }

    @Test
    void listsAttachmentsWithoutTheirBytes() {
        InboundMessage message = inbound("""
                From: a@example.com
                Message-ID: <x@y>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                See the contract.
                --b
                Content-Type: application/pdf; name="=?UTF-8?B?5ZCI57SELnBkZg==?="
                Content-Disposition: attachment; filename="=?UTF-8?B?5ZCI57SELnBkZg==?="
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b--
                """);
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("合約.pdf");
            assertThat(attachment.mediaType()).isEqualTo("application/pdf");
            assertThat(attachment.sizeBytes()).isEqualTo(9L);
            assertThat(attachment.kind()).isEqualTo("file");
            assertThat(attachment.id()).isEqualTo("1.2");
        });
        assertThat(message.text()).isEqualTo("See the contract.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Auto-Submitted: auto-replied|auto-submitted", "Precedence: bulk|precedence",
            "List-Id: <news.example.com>|list-id", "X-Autoreply: yes|x-autoreply", "Return-Path: <>|empty return-path"})
    void marksAutomaticMailAsNotToBeAnswered(String header, String reason) {
        ParsedMail parsed = parse("From: a@example.com\nMessage-ID: <x@y>\n" + header + "\n\nI am out of office.\n");
        assertThat(parsed).isInstanceOfSatisfying(ParsedMail.Inbound.class, inbound -> {
            assertThat(inbound.autoReason()).isEqualTo(reason);
            assertThat(inbound.message().kind()).isEqualTo(MessageKind.OTHER);
            assertThat(inbound.message().answerable()).isFalse();
        });
    }

    @Test
    void answersAMailThatSaysAutoSubmittedNo() {
        ParsedMail parsed = parse("From: a@example.com\nMessage-ID: <x@y>\nAuto-Submitted: no\n\nhello\n");
        assertThat(((ParsedMail.Inbound) parsed).automatic()).isFalse();
    }

    @Test
    void recognisesABounceOfOurReply() {
        ParsedMail parsed = parse("""
                From: MAILER-DAEMON@mx.example
                Message-ID: <bounce-1@mx.example>
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Delivery failed.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; Mei.Lin@Example.com
                Action: failed
                Status: 5.1.1
                --b
                Content-Type: text/rfc822-headers

                Message-ID: <%s@casedesk.local>
                --b--
                """.formatted(OUTBOUND_ID));
        assertThat(parsed).isEqualTo(new ParsedMail.Bounce(OUTBOUND_ID, "mei.lin@example.com", "5.1.1",
                "<bounce-1@mx.example>"));
    }

    @Test
    void givesAMailWithoutMessageIdADeterministicId() {
        String mail = "From: a@example.com\n\nhello\n";
        String first = inbound(mail).email().messageId();
        assertThat(first).startsWith("<sha256-").endsWith("@no-message-id.casedesk>");
        assertThat(inbound(mail).email().messageId()).isEqualTo(first);
        assertThat(inbound(mail + "!").email().messageId()).isNotEqualTo(first);
    }

    @Test
    void quarantinesMailBeyondTheLimits() {
        String nested = "From: a@example.com\nMessage-ID: <x@y>\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
                + "--b0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: multipart/mixed; boundary=\"b2\"\n\n"
                + "--b2\nContent-Type: text/plain\n\ndeep\n--b2--\n--b1--\n--b0--\n";
        assertThat(new InboundMails("h@f", "d", new MailLimits(1000, 100, 1)).parse(bytes(nested), RECEIVED))
                .isEqualTo(new ParsedMail.Quarantined("nested deeper than 1", "<x@y>"));
        assertThat(new InboundMails("h@f", "d", new MailLimits(1000, 2, 10)).parse(bytes(nested), RECEIVED))
                .isEqualTo(new ParsedMail.Quarantined("more than 2 parts", "<x@y>"));
        assertThat(new InboundMails("h@f", "d", new MailLimits(10, 100, 10)).parse(bytes(nested), RECEIVED))
                .isInstanceOfSatisfying(ParsedMail.Quarantined.class,
                        q -> assertThat(q.reason()).startsWith("too large"));
    }

    @Test
    void quarantinesMailWithoutSenderOrText() {
        assertThat(parse("Subject: x\n\nhello\n")).isInstanceOfSatisfying(ParsedMail.Quarantined.class,
                q -> assertThat(q.reason()).isEqualTo("no sender address"));
        assertThat(parse("From: a@example.com\n\n  \n")).isInstanceOfSatisfying(ParsedMail.Quarantined.class,
                q -> assertThat(q.reason()).isEqualTo("no readable text"));
    }

    @Test
    void neverThrowsOnGarbage() {
        assertThat(parser.parse(new byte[] {0, 1, 2, (byte) 0xff, '\n', '\n'}, RECEIVED))
                .isInstanceOf(ParsedMail.Quarantined.class);
    }

    private InboundMessage inbound(String mail) {
        ParsedMail parsed = parse(mail);
        assertThat(parsed).isInstanceOf(ParsedMail.Inbound.class);
        return ((ParsedMail.Inbound) parsed).message();
    }

    private ParsedMail parse(String mail) {
        return parser.parse(bytes(mail), RECEIVED);
    }

    private static byte[] bytes(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
