package io.casedesk.schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fixed sample per event type, shared by the round-trip and golden-file tests. */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-21T01:02:03Z");
    static final String LINE_CONVERSATION = ConversationIds.line("Ubot0000000000000000000000000000", "Uf0d4b5d7bf148e3c5849974bb722897c");

    static InboundMessage lineInbound() {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "Uf0d4b5d7bf148e3c5849974bb722897c", "張志明", "zh-TW",
                "我想了解目前離婚訴訟案件的進展",
                List.of(new Attachment("325708", "image", null, "image/jpeg", 20480L)), AT,
                new LineSource("Ubot0000000000000000000000000000", "user", "Uf0d4b5d7bf148e3c5849974bb722897c", null, null,
                        "01FZ74A0TDDPYRVKNK77XKC3ZR", "468789577898262530", "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", AT,
                        false, false, false),
                null);
    }

    static InboundMessage emailInbound() {
        return new InboundMessage(Channel.EMAIL, MessageKind.TEXT, "chang.chihming@example.com", "張志明", null,
                "請問下次開庭是什麼時候？", List.of(), AT, null,
                new EmailSource("service@mingli.example.com", "chang.chihming@example.com", "張志明", null,
                        "案件進度詢問", "<abc123@mail.example.com>", "<prev@mingli.example.com>",
                        List.of("<first@mingli.example.com>", "<prev@mingli.example.com>")));
    }

    static Triage triage() {
        Map<String, Double> confidence = new LinkedHashMap<>();
        confidence.put("intent", 0.92);
        confidence.put("emotion", 0.81);
        return new Triage(Intent.CASE_STATUS, Emotion.NEUTRAL, Urgency.LOW, false, "zh-Hant", confidence,
                "local-rules", List.of("intent:case_keyword"));
    }

    /** Every payload type once, keyed by its wire name. */
    static Map<EventType, EventPayload> all() {
        Map<EventType, EventPayload> all = new LinkedHashMap<>();
        TriagedMessage triaged = new TriagedMessage(lineInbound(), triage());
        all.put(EventType.INBOUND_MESSAGE, lineInbound());
        all.put(EventType.TRIAGED_MESSAGE, triaged);
        all.put(EventType.OUTBOUND_LINE_MESSAGE, new OutboundLineMessage("Ubot0000000000000000000000000000",
                "Uf0d4b5d7bf148e3c5849974bb722897c", "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", AT,
                "5e7c5a41-0d7a-3d4f-9b0e-8d7c2f1a0b11", "468789577898262530",
                List.of("張先生您好，您的案件 2026-FAM-0142 目前狀態：等待法院開庭。"), AnswerKind.AUTO));
        all.put(EventType.OUTBOUND_EMAIL_MESSAGE, new OutboundEmailMessage("service@mingli.example.com",
                "chang.chihming@example.com", "Re: 案件進度詢問", "張先生您好，下次開庭為 2026-12-03。",
                "<abc123@mail.example.com>", List.of("<abc123@mail.example.com>"), "請問下次開庭是什麼時候？",
                "5e7c5a41-0d7a-3d4f-9b0e-8d7c2f1a0b11", AnswerKind.AUTO));
        all.put(EventType.HANDOFF_REQUEST, new HandoffRequest("needs_human", triaged, "C-1001", null));
        all.put(EventType.DELIVERY_REPORT, new DeliveryReport(Channel.LINE, "7d9f1c1e-8a36-3b55-a1b1-8e0d6c7f2a90",
                DeliveryStatus.SENT, "reply", null));
        all.put(EventType.CONVERSATION_TURN, new ConversationTurn(TurnKind.INBOUND, Channel.LINE,
                "Uf0d4b5d7bf148e3c5849974bb722897c", "C-1001", "customer", "我想了解目前離婚訴訟案件的進展", triage(), null));
        all.put(EventType.CONVERSATION_STATE, new ConversationState(ConversationMode.HUMAN, "agent-lin", "handoff"));
        all.put(EventType.FIRM_CHANGED, new FirmChanged(true, true, 24));
        return all;
    }

    static Envelope<EventPayload> envelope(EventType type, EventPayload payload) {
        return Envelope.of(EventIds.derive("sample", type.wireName()), AT, LINE_CONVERSATION,
                EventIds.lineInbound("01FZ74A0TDDPYRVKNK77XKC3ZR"),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", payload);
    }

    private EventSamples() {
    }
}
