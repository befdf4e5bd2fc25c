package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Channel;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRulesTriageEngineTest {

    private final LocalRulesTriageEngine engine = new LocalRulesTriageEngine("zh-Hant");

    @Test
    void labelsAPlainCaseStatusQuestion() {
        Triage triage = engine.triage(text("我想了解目前離婚訴訟案件的進展"));

        assertThat(triage.intent()).isEqualTo(Intent.CASE_STATUS);
        assertThat(triage.emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(triage.urgency()).isEqualTo(Urgency.LOW);
        assertThat(triage.needsHuman()).isFalse();
        assertThat(triage.language()).isEqualTo("zh-Hant");
        assertThat(triage.engine()).isEqualTo("local-rules");
        assertThat(triage.confidence()).containsOnlyKeys("intent", "emotion", "urgency", "needs_human", "language");
        assertThat(triage.confidence().values()).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
        assertThat(triage.reasons()).contains("language:han_traditional");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            請問我的案子現在處理到哪一步了？                                   | case_status
            我的劳动仲裁案件现在进度如何？                                     | case_status
            Could you give me an update on my custody case?                    | case_status
            What is the status of my claim?                                    | case_status
            下週三下午可以預約跟律師面談嗎？                                   | appointment
            我想把會議改期到下禮拜                                             | appointment
            能不能约个时间到律所咨询？                                         | appointment
            I'd like to reschedule our meeting to next Tuesday.                | appointment
            Can I book a consultation for Friday afternoon?                    | appointment
            請問律師費可以分期付款嗎？                                         | billing
            上個月的帳單金額好像不對，可以幫我確認嗎？                         | billing
            我已经汇款了，请问收据什么时候寄给我？                             | billing
            When will I receive the invoice for last month?                    | billing
            I was charged twice for the consultation, can I get a refund?      | billing
            委任狀我已經簽好了，要寄到哪裡？                                   | documents
            請問辦理繼承需要準備哪些文件？                                     | documents
            我把身份证复印件上传了，请确认                                     | documents
            I've attached the signed contract, please confirm you received it. | documents
            What documents do I need to bring?                                 | documents
            我忘記密碼了，沒辦法登入                                           | account
            我換手機號碼了，要怎麼更新聯絡方式？                               | account
            请帮我取消订阅通知                                                 | account
            How do I change my email address on my account?                    | account
            Please delete my personal data from your records.                  | account
            請問你們的營業時間是幾點到幾點？                                   | general_info
            事務所地址在哪裡？附近有停車場嗎？                                 | general_info
            你们有处理劳动纠纷吗？一般流程是怎样的？                           | general_info
            What are your office hours on Saturday?                            | general_info
            Do you handle immigration matters?                                 | general_info
            我對你們的服務非常不滿，打了好幾次電話都沒人回                     | complaint
            你们的律师太不专业了，我要投诉                                     | complaint
            This is unacceptable. Nobody has replied to my emails for weeks.   | complaint
            我要找真人客服                                                     | human_request
            可以請專人跟我聯絡嗎？                                             | human_request
            我想跟律师直接谈                                                   | human_request
            I want to speak to a real person, not a bot.                       | human_request
            Can my lawyer call me back?                                        | human_request
            你好                                                               | greeting
            谢谢你们的帮忙！                                                   | greeting
            Hi there!                                                          | greeting
            Thanks, bye!                                                       | greeting
            點我領取獎品 http://spam.example                                   | other
            Buy cheap watches now                                              | other
            """)
    void recognisesIntents(String text, String intent) {
        assertThat(engine.triage(text(text)).intent().name().toLowerCase()).isEqualTo(intent);
    }

    @Test
    void aRequestForAPersonWinsOverTheTopic() {
        Triage triage = engine.triage(text("帳單有問題，請專人打電話給我"));

        assertThat(triage.intent()).isEqualTo(Intent.HUMAN_REQUEST);
        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:explicit_request");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            我很擔心開庭會出問題，該怎麼辦                     | anxious
            我很担心下周的庭审                                 | anxious
            I'm really worried about the hearing.              | anxious
            你們到底在搞什麼？！                               | angry
            你们简直太离谱了，受够了                           | angry
            This is ridiculous, I'm fed up with your firm!!!   | angry
            太好了，非常感謝律師的幫忙                         | positive
            Thank you so much, that's wonderful news.          | positive
            我不擔心，只是想確認一下                           | neutral
            Please send me the form.                           | neutral
            """)
    void recognisesEmotions(String text, String emotion) {
        assertThat(engine.triage(text(text)).emotion().name().toLowerCase()).isEqualTo(emotion);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            明天就要開庭了，資料還沒準備好                     | high
            我先生昨天被抓了，現在在警局                       | high
            对方说后天就要查封我的房子                         | high
            The filing deadline is tomorrow.                   | high
            This is urgent, please answer within 24 hours.     | high
            法院說下週要開調解庭                               | medium
            請在這週內盡快回覆我                               | medium
            I need this resolved by Friday.                    | medium
            請問你們的營業時間                                 | low
            No rush, whenever you have time. It's not urgent.  | low
            """)
    void recognisesUrgency(String text, String urgency) {
        assertThat(engine.triage(text(text)).urgency().name().toLowerCase()).isEqualTo(urgency);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            再不處理我就要找媒體爆料                                       | needs_human:threat
            If this isn't fixed I will report you to the bar association.   | needs_human:threat
            我想解除委任，換律師                                           | needs_human:threat
            對方提出的和解條件，我應該接受嗎？                             | needs_human:professional_judgement
            Should I sign the settlement agreement they sent?              | needs_human:professional_judgement
            律师说的方案胜算大吗？                                         | needs_human:professional_judgement
            你們太不專業了，我非常不滿！                                   | needs_human:angry_complaint
            明天就要開庭了，我好緊張                                       | needs_human:urgent_and_distressed
            My son was arrested last night.                                | needs_human:imminent_harm
            """)
    void flagsWhatAPersonMustSee(String text, String reason) {
        Triage triage = engine.triage(text(text));

        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            對方說願意賠 30 萬，要不要接受？
            前夫說只要我放棄扶養費就簽字，這樣划算嗎
            保險公司提的和解金額能接受嗎？還是直接起訴比較好
            律師您覺得我們該不該上訴
            換作是你，你會簽這份切結書嗎
            对方开价 80 万，要不要买回来？
            这个条件应该签吗
            你们觉得这个钱该收吗
            赔偿方案划不划算？
            He wants 500k to drop it. Should I just take the offer?
            Should we just change the logo now?
            Is it worth appealing?
            Would you sign this if you were me?
            Do you think we have a real chance in court, or should we settle?
            """)
    void aRequestForALegalOpinionNeedsAPersonInEveryLanguage(String text) {
        Triage triage = engine.triage(text(text));

        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:professional_judgement");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            再拖下去我就去律師公會檢舉你們
            你們再不處理，我會在臉書和 Google 評論公開這件事
            再这样我就去消协投诉你们，还要找媒体曝光
            我要解除委托，换律所
            If this goes on I will report your firm to the bar association.
            I'm going to post about this on social media and leave a one star review.
            We will take our business elsewhere and find another lawyer.
            """)
    void aThreatAimedAtTheFirmNeedsAPersonInEveryLanguage(String text) {
        Triage triage = engine.triage(text(text));

        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:threat");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我想告房東，請問要準備什麼資料
            I would like to sue my former employer, what documents do you need?
            """)
    void suingTheOtherSideIsACaseNotAThreat(String text) {
        assertThat(engine.triage(text(text)).reasons()).doesNotContain("needs_human:threat");
    }

    @Test
    void aSecondRequestOfAnotherIntentIsNamed() {
        InboundMessage message = text("My resident certificate number is now [id]. Any news on the company registration?");
        Calibration calibration = Calibration.FITTED.withThresholds(0.5, 0.35, 0.6);
        ModelReading whole = reading(Map.of(Intent.ACCOUNT, 0.55, Intent.CASE_STATUS, 0.4, Intent.OTHER, 0.05),
                Emotion.NEUTRAL, Map.of(Emotion.NEUTRAL, 0.9, Emotion.POSITIVE, 0.1));

        Triage both = engine.triage(message, withSentences(whole, Map.of(Intent.ACCOUNT, 0.8, Intent.CASE_STATUS, 0.7)),
                calibration, "local");
        Triage unsure = engine.triage(message, withSentences(whole, Map.of(Intent.ACCOUNT, 0.8, Intent.CASE_STATUS, 0.5)),
                calibration, "local");
        Triage oneSentence = engine.triage(message, whole, calibration, "local");
        Triage greeting = engine.triage(text("Hi there! Any news on my case?"), withSentences(whole,
                Map.of(Intent.GREETING, 0.9, Intent.ACCOUNT, 0.8)), calibration, "local");

        assertThat(both.intent()).isEqualTo(Intent.ACCOUNT);
        assertThat(both.alsoAsks()).isEqualTo(Intent.CASE_STATUS);
        assertThat(both.reasons()).contains("also_asks:case_status");
        assertThat(unsure.alsoAsks()).as("below the calibrated threshold").isNull();
        assertThat(oneSentence.alsoAsks()).isNull();
        assertThat(greeting.alsoAsks()).as("a greeting is never a second request").isNotEqualTo(Intent.GREETING);
        assertThat(engine.triage(message).alsoAsks()).as("the rules alone do not tell").isNull();
    }

    private static ModelReading withSentences(ModelReading reading, Map<Intent, Double> sentenceIntents) {
        return new ModelReading(reading.intentProbabilities(), reading.emotionProbabilities(), reading.urgencyProbabilities(),
                reading.needsHumanProbability(), sentenceIntents);
    }

    @Test
    void theNeedsHumanModelRoutesFromItsCalibratedThreshold() {
        InboundMessage message = text("請問上個月的帳單金額");
        Map<Intent, Double> intents = Map.of(Intent.BILLING, 0.9, Intent.COMPLAINT, 0.1);
        Map<Emotion, Double> emotions = Map.of(Emotion.NEUTRAL, 0.9, Emotion.ANGRY, 0.1);
        Calibration calibration = Calibration.FITTED.withThresholds(0.5, 0.9, 0.9);
        ModelReading unsure = new ModelReading(reading(intents, Emotion.NEUTRAL, emotions).intentProbabilities(),
                reading(intents, Emotion.NEUTRAL, emotions).emotionProbabilities(), Map.of(Urgency.LOW, 1.0, Urgency.MEDIUM, 0.0,
                Urgency.HIGH, 0.0), 0.55);

        Triage routed = engine.triage(message, unsure, calibration, "local");

        assertThat(routed.needsHuman()).isTrue();
        assertThat(routed.reasons()).contains("needs_human:model");
        assertThat(engine.triage(message, reading(intents, Emotion.NEUTRAL, emotions), calibration, "local").needsHuman()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            請問你們的營業時間
            How much is an initial consultation?
            我的案件下一步是什么？
            """)
    void leavesRoutineQuestionsToTheMachine(String text) {
        assertThat(engine.triage(text(text)).needsHuman()).isFalse();
    }

    @Test
    void readsTheSubjectOfAnEmail() {
        EmailSource email = new EmailSource("help@firm.example", "client@example.com", null, null,
                "Question about my invoice", "<a@example.com>", null, List.of());
        InboundMessage message = new InboundMessage(Channel.EMAIL, MessageKind.TEXT, "client@example.com", null, null,
                "Could you have a look? Regards", List.of(), Instant.now(), null, email);

        assertThat(engine.triage(message).intent()).isEqualTo(Intent.BILLING);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            FOLLOW,        GREETING
            MEMBER_JOINED, GREETING
            IMAGE,         DOCUMENTS
            FILE,          DOCUMENTS
            STICKER,       OTHER
            LOCATION,      OTHER
            """)
    void givesMessagesWithoutTextATriageToo(MessageKind kind, Intent intent) {
        InboundMessage message = new InboundMessage(Channel.LINE, kind, "U1", null, "zh-TW", null, List.of(),
                Instant.now(), null, null);

        Triage triage = engine.triage(message);

        assertThat(triage.intent()).isEqualTo(intent);
        assertThat(triage.language()).isEqualTo("zh-Hant");
        assertThat(triage.needsHuman()).isFalse();
        assertThat(triage.engine()).isEqualTo("local-rules");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            有沒有真人可以回答我                               | human_request
            會不會有人可以打給我                               | human_request
            恭喜您中獎了，請點擊連結領取獎金                   | other
            不好意思傳錯了，請忽略                             | other
            Congratulations, you have won! Click here to claim your prize | other
            請問起訴狀法院受理了嗎                             | case_status
            Has the court decided on our motion yet?           | case_status
            案子順利結束了，真的非常感謝律師這段時間的協助     | greeting
            說好週一給我回覆，到現在都沒下文                   | complaint
            I was promised a call back on Monday and nobody called. | complaint
            """)
    void readsQuestionsSpamThanksAndBrokenPromises(String text, String intent) {
        assertThat(engine.triage(text(text)).intent().name().toLowerCase()).isEqualTo(intent);
    }

    @Test
    void aVerbRepeatedAroundANegationAsksRatherThanDenies() {
        assertThat(engine.triage(text("我會不會被關？好擔心")).emotion()).isEqualTo(Emotion.ANXIOUS);
        assertThat(engine.triage(text("我不擔心，只是想確認一下")).emotion()).isEqualTo(Emotion.NEUTRAL);
    }

    @Test
    void aWorriedWriterWhoWantsAnAnswerWithinDaysNeedsAPerson() {
        Triage triage = engine.triage(text("我真的很擔心，這週內能不能給我答覆"));

        assertThat(triage.urgency()).isEqualTo(Urgency.MEDIUM);
        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:soon_and_anxious");
    }

    @Test
    void aModelThatSuspectsAComplaintOrAngerSendsTheMessageToAPerson() {
        InboundMessage message = text("請問上個月的帳單金額");
        ModelReading suspicious = reading(Map.of(Intent.BILLING, 0.6, Intent.COMPLAINT, 0.4), Emotion.NEUTRAL,
                Map.of(Emotion.NEUTRAL, 0.65, Emotion.ANGRY, 0.35));
        ModelReading calm = reading(Map.of(Intent.BILLING, 0.8, Intent.COMPLAINT, 0.2), Emotion.NEUTRAL,
                Map.of(Emotion.NEUTRAL, 0.8, Emotion.ANGRY, 0.2));

        Calibration calibration = Calibration.FITTED.withThresholds(0.9, 0.3, 0.9);
        Triage flagged = engine.triage(message, suspicious, calibration, "local");
        Triage routine = engine.triage(message, calm, calibration, "local");

        assertThat(flagged.intent()).isEqualTo(Intent.BILLING);
        assertThat(flagged.emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(flagged.needsHuman()).isTrue();
        assertThat(flagged.reasons()).contains("needs_human:suspected_complaint", "needs_human:suspected_anger");
        assertThat(routine.intent()).isEqualTo(Intent.BILLING);
        assertThat(routine.needsHuman()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            請問強制執行的執行費要先付嗎？
            Did the police reply about the stolen scooter?
            保护令一般多久能下来？
            """)
    void aHarmsProcedureNamedInACalmQuestionIsNoEmergencyForTheModel(String text) {
        ModelReading calmQuestion = reading(Map.of(Intent.CASE_STATUS, 0.9, Intent.BILLING, 0.1), Emotion.NEUTRAL,
                Map.of(Emotion.NEUTRAL, 0.9, Emotion.ANXIOUS, 0.1));

        Triage withModel = engine.triage(text(text), calmQuestion, Calibration.FITTED, "local");

        assertThat(withModel.reasons()).doesNotContain("needs_human:imminent_harm", "urgency:imminent_harm");
        assertThat(engine.triage(text(text)).reasons()).as("the rules alone, recall first")
                .contains("needs_human:imminent_harm");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我先生昨天被抓了，警察說要移送
            The police are at my door right now, what do I do?
            我人在派出所，可以請律師過來嗎
            """)
    void harmBeingDoneOrAnUrgentPoliceMatterStillNeedsAPersonWithTheModel(String text) {
        ModelReading calmQuestion = reading(Map.of(Intent.CASE_STATUS, 0.9, Intent.BILLING, 0.1), Emotion.NEUTRAL,
                Map.of(Emotion.NEUTRAL, 0.9, Emotion.ANXIOUS, 0.1));

        Triage triage = engine.triage(text(text), calmQuestion, Calibration.FITTED, "local");

        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:imminent_harm");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            請問租屋提前解約要賠多少？
            Can you look at the termination notice my landlord sent?
            對方在 Dcard 上留負評，這樣可以告嗎？
            """)
    void threatWordsThatNameTheClientsOwnMatterThreatenNobodyInACalmQuestion(String text) {
        ModelReading calmQuestion = calm(Intent.GENERAL_INFO, Intent.DOCUMENTS);
        ModelReading angryComplaint = angryComplaint(Intent.GENERAL_INFO);

        assertThat(engine.triage(text(text), calmQuestion, Calibration.FITTED, "local").reasons())
                .doesNotContain("needs_human:threat");
        assertThat(engine.triage(text(text), angryComplaint, Calibration.FITTED, "local").reasons())
                .as("from someone who complains, the same words are a threat").contains("needs_human:threat");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            如果我之後想解除委任，已經付的費用可以退嗎？
            If I decide to end the engagement later, do I get part of the retainer back?
            假如我們中途想換律師，卷宗要怎麼拿回來？
            如果我簽約以後想終止委任，費用怎麼算？
            """)
    void aCalmWritersOwnWhatIfAboutEndingTheEngagementAsksTheFirmsTermsAndThreatensNobody(String text) {
        ModelReading calmQuestion = calm(Intent.BILLING, Intent.GENERAL_INFO);
        ModelReading angryComplaint = angryComplaint(Intent.BILLING);

        assertThat(engine.triage(text(text), calmQuestion, Calibration.FITTED, "local").reasons())
                .doesNotContain("needs_human:threat");
        assertThat(engine.triage(text(text), angryComplaint, Calibration.FITTED, "local").reasons())
                .as("from someone who complains, it is a threat").contains("needs_human:threat");
        assertThat(engine.triage(text(text)).reasons()).as("the rules alone, recall first").contains("needs_human:threat");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            如果你們再不回覆，我就解除委任。
            如果我下週還沒收到回覆，我就換律師。
            If you can't give me a date, I will find another lawyer.
            我想解除委任，請問要怎麼辦？
            """)
    void endingTheEngagementOnAConditionOnTheFirmOrAsAnIntentionIsAThreatEvenWhenCalm(String text) {
        assertThat(engine.triage(text(text), calm(Intent.CASE_STATUS, Intent.GENERAL_INFO), Calibration.FITTED, "local")
                .reasons()).contains("needs_human:threat");
    }

    /** The model reads a calm question of {@code intent} (a little of {@code runnerUp}). */
    private static ModelReading calm(Intent intent, Intent runnerUp) {
        return reading(Map.of(intent, 0.9, runnerUp, 0.1), Emotion.NEUTRAL, Map.of(Emotion.NEUTRAL, 0.9, Emotion.ANGRY, 0.1));
    }

    /** The model reads an angry complaint (a little of {@code runnerUp}). */
    private static ModelReading angryComplaint(Intent runnerUp) {
        return reading(Map.of(Intent.COMPLAINT, 0.9, runnerUp, 0.1), Emotion.ANGRY,
                Map.of(Emotion.ANGRY, 0.9, Emotion.NEUTRAL, 0.1));
    }

    private static ModelReading reading(Map<Intent, Double> intents, Emotion emotion, Map<Emotion, Double> emotions) {
        Map<Intent, Double> all = new EnumMap<>(Intent.class);
        for (Intent intent : Intent.values()) {
            all.put(intent, intents.getOrDefault(intent, 0.0));
        }
        Map<Emotion, Double> allEmotions = new EnumMap<>(Emotion.class);
        for (Emotion each : Emotion.values()) {
            allEmotions.put(each, emotions.getOrDefault(each, 0.0));
        }
        return new ModelReading(all, allEmotions, Map.of(Urgency.LOW, 0.8, Urgency.MEDIUM, 0.15, Urgency.HIGH, 0.05), 0.1);
    }

    static InboundMessage text(String text) {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "U1", null, null, text, List.of(), Instant.now(),
                null, null);
    }
}
