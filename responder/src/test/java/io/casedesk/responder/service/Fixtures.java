package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A customer with two cases, shaped like the demo firm's records. */
final class Fixtures {

    static final CustomerView CHANG = new CustomerView("C-1001", "張志明", "zh-Hant",
            Map.of("zh-Hant", "張先生", "en", "Mr. Chang"), false, true);

    static final CaseView DIVORCE = new CaseView("2026-FAM-0142", "離婚訴訟（含子女親權及剩餘財產分配）", "family_litigation",
            "awaiting_court", "第一審：等待言詞辯論", "林律師", LocalDate.parse("2026-03-02"),
            new CaseView.NextStep(LocalDate.parse("2026-12-03"), "臺灣臺北地方法院家事法庭言詞辯論期日，上午 10:30 開庭"),
            new CaseView.Fee(new BigDecimal("30000"), "TWD"));

    static final CaseView OLD_CASE = new CaseView("2025-TRA-0001", "車禍求償", "traffic", "closed", "已結案", "許律師",
            LocalDate.parse("2025-01-02"), null, null);

    /** The day the fixtures' records were written for: the divorce case's hearing is still to come. */
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    static AnswerContext changContext(ReplyLanguage language) {
        return new AnswerContext(language, Optional.of(CHANG), List.of(DIVORCE, OLD_CASE), List.of(), TODAY);
    }

    static InboundMessage lineText(String text) {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "Uf0d4", null, null, text, List.of(), Instant.now(),
                new LineSource("Ubot", "user", "Uf0d4", null, null, "01H", "1", "token", Instant.now(), false, false, false),
                null);
    }

    private Fixtures() {
    }
}
