package io.casedesk.responder.service.openai;

import io.casedesk.infra.test.OpenAiStandIn;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.client.TurnView;
import io.casedesk.responder.service.Answer;
import io.casedesk.responder.service.AnswerContext;
import io.casedesk.responder.service.AnswerEngineUnavailableException;
import io.casedesk.responder.service.ReplyLanguage;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The openai answer engine with the real LangChain4j client against a local OpenAI-protocol server. */
class OpenAiAnswerEngineTest {

    private static final CustomerView WHITFIELD = new CustomerView("C-1010", "Daniel Whitfield", "en",
            Map.of("en", "Mr. Whitfield"), false, true);
    private static final CaseView LABOUR = new CaseView("2026-LAB-0176", "Unfair dismissal", "labor_dispute",
            "in_progress", "Mediation", "周律師", LocalDate.parse("2026-08-11"),
            new CaseView.NextStep(LocalDate.parse("2026-12-08"), "Second mediation session, 2:00 p.m."),
            new CaseView.Fee(new BigDecimal("20000"), "TWD"));
    private static final AnswerContext CONTEXT = new AnswerContext(ReplyLanguage.EN, Optional.of(WHITFIELD),
            List.of(LABOUR), Optional.empty(),
            List.of(new TurnView("inbound", "customer", "Hi, call me on 0912-345-678", Instant.parse("2026-11-20T01:00:00Z")),
                    new TurnView("answer", "bot", "Dear Mr. Whitfield, happy to help.", Instant.parse("2026-11-20T01:00:01Z"))),
            new FirmView("Mingli Law Offices", "Professional, warm and concise."), LocalDate.parse("2026-11-20"));

    private OpenAiStandIn model;

    @BeforeEach
    void start() {
        model = OpenAiStandIn.start();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void theModelIsToldTheOfficesHoursOnTheDayAskedAbout() {
        FirmView.ServiceHours hours = new FirmView.ServiceHours(
                List.of(new FirmView.ServiceHours.Weekly(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "18:00")),
                List.of());
        String question = "Can I come by your office tomorrow?";
        AnswerContext context = new AnswerContext(ReplyLanguage.EN, Optional.of(WHITFIELD), List.of(LABOUR),
                Optional.empty(), List.of(), CONTEXT.firm(), CONTEXT.today(),
                io.casedesk.responder.service.OfficeDays.asked(question, CONTEXT.today(), hours));

        String fenced = OpenAiAnswerEngine.fencedContext(new InboundMessage(Channel.LINE, MessageKind.TEXT, "U1", null,
                null, question, null, null, null, null), context);

        assertThat(fenced).contains("\"office_day_asked\"", "2026-11-21", "saturday", "closed", "2026-11-23", "09:00–18:00");
    }

    private OpenAiAnswerEngine engine(Duration timeout) {
        return new OpenAiAnswerEngine(OpenAiAnswerEngine.chatModel(model.baseUrl(), "key", "gpt-test", timeout, 0.1),
                "gpt-test", language -> "(automated)");
    }

    private static InboundMessage message(String text) {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "Uc669", null, "en", text, List.of(), Instant.now(),
                null, null);
    }

    @Test
    void sendsTheRulesTheFencedContextAndTheRedactedMessage() {
        model.answering("{\"answer\":\"Dear Mr. Whitfield, your next session is on 2026-12-08.\",\"needs_human\":false}");

        Answer answer = engine(Duration.ofSeconds(5)).write(message("When is my next session? My ID is A123456789"),
                Intent.CASE_STATUS, CONTEXT, true);

        assertThat(answer.text()).isEqualTo("Dear Mr. Whitfield, your next session is on 2026-12-08.\n(automated)");
        assertThat(answer.needsHandoff()).isFalse();
        assertThat(model.requestBodies()).singleElement().asString()
                .contains("Mingli Law Offices", "Professional, warm and concise.", "English", "Mr. Whitfield")
                .contains("<context>", "2026-LAB-0176", "2026-12-08", "TWD 20000", "<conversation>", "<message>")
                .contains("[id]", "[phone]", "json_schema", "needs_human")
                .doesNotContain("A123456789", "0912-345-678", "Daniel Whitfield");
    }

    @Test
    void aModelAskingForAPersonHandsOffWithItsText() {
        model.answering("{\"answer\":\"I do not have that information; a colleague will follow up.\",\"needs_human\":true}");

        Answer answer = engine(Duration.ofSeconds(5)).write(message("Should I accept the offer?"), Intent.OTHER, CONTEXT, false);

        assertThat(answer.handoffReason()).isEqualTo("model_needs_human");
        assertThat(answer.text()).isEqualTo("I do not have that information; a colleague will follow up.");
    }

    @Test
    void anAnswerOutOfShapeOrEmptyMeansTheEngineIsUnavailable() {
        model.answering("Sure! Your case is fine.");
        assertThatThrownBy(() -> engine(Duration.ofSeconds(5)).write(message("Status?"), Intent.CASE_STATUS, CONTEXT, false))
                .isInstanceOf(AnswerEngineUnavailableException.class);

        model.answering("{\"answer\":\"  \",\"needs_human\":false}");
        assertThatThrownBy(() -> engine(Duration.ofSeconds(5)).write(message("Status?"), Intent.CASE_STATUS, CONTEXT, false))
                .isInstanceOf(AnswerEngineUnavailableException.class);
    }

    @Test
    void aTimeoutMeansTheEngineIsUnavailable() {
        model.answering("{\"answer\":\"late\",\"needs_human\":false}").delaying(Duration.ofSeconds(5));

        assertThatThrownBy(() -> engine(Duration.ofMillis(300)).write(message("Status?"), Intent.CASE_STATUS, CONTEXT, false))
                .isInstanceOf(AnswerEngineUnavailableException.class);
    }
}
