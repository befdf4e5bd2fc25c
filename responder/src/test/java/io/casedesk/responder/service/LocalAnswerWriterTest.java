package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.FirmView;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAnswerWriterTest {

    private final LocalAnswerWriter writer = new LocalAnswerWriter();
    private final GroundingCheck grounding = new GroundingCheck();

    @Test
    void caseStatusAnswerNamesTheOpenCaseItsStatusAndNextStepInTheCustomersLanguage() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);

        Answer answer = writer.write(Fixtures.lineText("我想了解目前離婚訴訟案件的進展"), Intent.CASE_STATUS, context, true);

        assertThat(answer.needsHandoff()).isFalse();
        assertThat(answer.text()).startsWith("張先生您好，")
                .contains("2026-FAM-0142", "等待法院程序", "2026-12-03", "林律師", "自動助理")
                .doesNotContain("2025-TRA-0001");
        assertThat(grounding.problems(answer.text(), context)).isEmpty();
    }

    @Test
    void englishWritersGetEnglishWordingAroundTheRecordedFacts() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.EN);

        Answer answer = writer.write(Fixtures.lineText("How much do I still owe?"), Intent.BILLING, context, false);

        assertThat(answer.text()).startsWith("Dear Mr. Chang, ").contains("Outstanding fee: TWD 30,000")
                .doesNotContain("automated assistant");
        assertThat(grounding.problems(answer.text(), context)).isEmpty();
    }

    @Test
    void aQuestionOfWhatIsOwedIsAnsweredWithTheFeesNotWithAPassedNextStepAndItsHandoff() {
        java.time.LocalDate afterTheHearing = java.time.LocalDate.parse("2026-12-05");
        AnswerContext context = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.of(Fixtures.CHANG),
                List.of(Fixtures.DIVORCE), List.of(), afterTheHearing);
        assertThat(Fixtures.DIVORCE.nextStepPassed(afterTheHearing)).as("the next step has passed by then").isTrue();

        Answer fees = writer.write(Fixtures.lineText("請問我目前還有多少律師費沒付？"), Intent.BILLING, context, false);
        Answer status = writer.write(Fixtures.lineText("我的案子現在怎樣了？"), Intent.CASE_STATUS, context, false);
        Answer depositCase = writer.write(Fixtures.lineText("Could you tell me where my security deposit case stands?"),
                Intent.BILLING, context.inLanguage(ReplyLanguage.EN), false);

        assertThat(fees.needsHandoff()).isFalse();
        assertThat(fees.text()).contains("2026-FAM-0142", "30,000").doesNotContain("2026-12-03");
        assertThat(status.handoffReason()).isEqualTo(LocalAnswerWriter.STALE_NEXT_STEP);
        assertThat(status.text()).contains("2026-12-03");
        assertThat(depositCase.handoffReason()).as("read as billing, it still asks about the case")
                .isEqualTo(LocalAnswerWriter.STALE_NEXT_STEP);
        assertThat(depositCase.text()).contains("2026-12-03");
    }

    @Test
    void aQuestionWhetherTheOfficeIsOpenOnADayIsAnsweredFromTheFirmsHoursAndGrounded() {
        FirmView.ServiceHours hours = new FirmView.ServiceHours(
                List.of(new FirmView.ServiceHours.Weekly(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "18:00")),
                List.of(new FirmView.ServiceHours.Dated("2026-11-20", null, null, true)));
        String question = "Can I drop off the signed form at your office today?";
        AnswerContext context = new AnswerContext(ReplyLanguage.EN, Optional.of(Fixtures.CHANG), List.of(Fixtures.DIVORCE),
                Optional.empty(), List.of(), null, Fixtures.TODAY, OfficeDays.asked(question, Fixtures.TODAY, hours));

        Answer answer = writer.write(Fixtures.lineText(question), Intent.DOCUMENTS, context, false);
        Answer chinese = writer.write(Fixtures.lineText("今天可以送文件過去嗎"), Intent.DOCUMENTS,
                context.inLanguage(ReplyLanguage.ZH_HANT), false);

        assertThat(answer.needsHandoff()).isFalse();
        assertThat(answer.text()).startsWith("Dear Mr. Chang, our office is closed on 2026-11-20 (Friday)").contains(
                "2026-11-23 (Monday), 09:00–18:00").doesNotContain("2026-FAM-0142");
        assertThat(chinese.text()).contains("2026-11-20（週五）本所休息", "2026-11-23（週一）");
        assertThat(grounding.problems(answer.text(), context)).isEmpty();
    }

    @Test
    void aSalutationRecordedAsTheWholeGreetingIsUsedAsWrittenNotGreetedTwice() {
        CustomerView greetedInFull = new CustomerView("C-1001", "張志明", "zh-Hant",
                Map.of("zh-Hant", "張先生您好", "en", "Hi Mr Chang"), false, true);
        AnswerContext context = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.of(greetedInFull),
                List.of(Fixtures.DIVORCE), List.of(), Fixtures.TODAY);

        Answer chinese = writer.write(Fixtures.lineText("我的案子現在怎樣了？"), Intent.CASE_STATUS, context, false);
        Answer english = writer.write(Fixtures.lineText("Any news on my case?"), Intent.CASE_STATUS,
                context.inLanguage(ReplyLanguage.EN), false);

        assertThat(chinese.text()).startsWith("張先生您好，").doesNotContain("您好您好");
        assertThat(english.text()).startsWith("Hi Mr Chang, ").doesNotContain("Dear Hi");
    }

    @Test
    void aQuestionAboutWhatIsOwedReadAsAnotherIntentIsAnsweredWithTheFeesOfEveryCaseThatHasOne() {
        CaseView trademark = new CaseView("2026-TMK-0213", "商標註冊申請", "trademark", "in_progress", null, "周律師",
                java.time.LocalDate.parse("2026-04-07"), null, new CaseView.Fee(new java.math.BigDecimal("8000"), "TWD"));
        CaseView collection = new CaseView("2026-CIV-0388", "經銷商積欠貨款追償", "civil", "in_progress", null, "許律師",
                java.time.LocalDate.parse("2026-09-01"), null, null);
        CaseView closedWithFee = new CaseView("2026-COR-0101", "公司設立登記", "corporate", "closed", null, "周律師",
                java.time.LocalDate.parse("2026-01-05"), null, new CaseView.Fee(new java.math.BigDecimal("3000"), "TWD"),
                java.time.LocalDate.parse("2026-03-01"), "已完成登記");
        AnswerContext context = new AnswerContext(ReplyLanguage.EN, Optional.of(Fixtures.CHANG),
                List.of(trademark, collection, closedWithFee), List.of(), Fixtures.TODAY);

        Answer owed = writer.write(Fixtures.lineText("How much do I currently owe?"), Intent.GENERAL_INFO, context, false);
        Answer unpaid = writer.write(Fixtures.lineText("我現在還有哪些費用沒繳？"), Intent.BILLING,
                context.inLanguage(ReplyLanguage.ZH_HANT), false);

        assertThat(owed.needsHandoff()).isFalse();
        assertThat(owed.text()).contains("2026-TMK-0213", "TWD 8,000", "2026-CIV-0388", "2026-COR-0101", "TWD 3,000")
                .doesNotContain("open cases");
        assertThat(unpaid.text()).contains("2026-TMK-0213", "8,000", "2026-CIV-0388", "3,000");
        assertThat(grounding.problems(owed.text(), context)).isEmpty();
    }

    @Test
    void aQuestionOfHowToPayGetsTheFirmsPaymentArticleWithTheFee() {
        AnswerContext context = changWithArticle("kb-fees-payment-en", "Fees and payment methods",
                "How to pay: bank transfer, or Visa, Mastercard and JCB at reception.", 0.4);

        Answer answer = writer.write(Fixtures.lineText("What do I owe and can I pay by credit card?"), Intent.BILLING,
                context, false);

        assertThat(answer.text()).contains("TWD 30,000", "Fees and payment methods", "Mastercard");
    }

    @Test
    void aQuestionOfWhatWouldHappenIsAnsweredByTheFirmsRuleAlone() {
        AnswerContext context = changWithArticle("kb-refunds-en", "Refund policy",
                "If you cancel at least 1 business day before the consultation, we refund the fee in full.", 1.5);

        Answer ifICancel = writer.write(Fixtures.lineText("If I cancel a consultation, do I get my money back?"),
                Intent.APPOINTMENT, context, false);
        Answer whenIsIt = writer.write(Fixtures.lineText("If I cancel, when is my next hearing then?"), Intent.APPOINTMENT,
                context, false);

        assertThat(ifICancel.needsHandoff()).isFalse();
        assertThat(ifICancel.text()).contains("Refund policy", "1 business day").doesNotContain("2026-FAM-0142");
        assertThat(whenIsIt.text()).as("a question about the case still gets the case").contains("2026-FAM-0142");
    }

    @Test
    void aQuestionOfWhatHappensOnceTheCaseIsClosedIsAnsweredByTheFirmsRuleAlone() {
        AnswerContext context = changWithArticle("kb-retention-en", "Keeping your files",
                "We keep a closed case's files for 5 years and return your original documents when the case closes.", 1.5);

        Answer retention = writer.write(Fixtures.lineText(
                "Once my matters with you are wrapped up, will you hang on to my paperwork, and for how long?"),
                Intent.DOCUMENTS, context, false);

        assertThat(retention.needsHandoff()).isFalse();
        assertThat(retention.text()).contains("5 years").doesNotContain("2026-FAM-0142");
    }

    @Test
    void aQuestionOfWhatWouldHappenThatNoArticleAnswersGoesToAPerson() {
        // The writer's cases say nothing of the firm's rule, so they are not the answer.
        Answer ifICancel = writer.write(Fixtures.lineText("If I cancel a consultation, do I get my money back?"),
                Intent.APPOINTMENT, Fixtures.changContext(ReplyLanguage.EN), false);
        Answer whenIsIt = writer.write(Fixtures.lineText("If I cancel, when is my next hearing then?"), Intent.APPOINTMENT,
                Fixtures.changContext(ReplyLanguage.EN), false);

        assertThat(ifICancel.needsHandoff()).isTrue();
        assertThat(ifICancel.handoffReason()).isEqualTo("no_article");
        assertThat(ifICancel.text()).doesNotContain("2026-FAM-0142");
        assertThat(whenIsIt.text()).as("a question about the case still gets the case").contains("2026-FAM-0142");
    }

    @Test
    void anArticleWrittenOnlyInTheOtherLanguageIsQuotedAsWrittenAndSaysSo() {
        String body = "結案後，卷宗保存五年，期滿銷毀；原本文件於結案時返還。";
        io.casedesk.responder.client.ArticleView chinese = new io.casedesk.responder.client.ArticleView("kb-retention-zh-hant",
                "zh-Hant", "卷宗保存期限", body, List.of());
        AnswerContext english = new AnswerContext(ReplyLanguage.EN, Optional.empty(), List.of(),
                Optional.of(new io.casedesk.responder.service.knowledge.KnowledgeIndex.Answer(chinese, List.of(body), 0.6)),
                List.of(), null, Fixtures.TODAY);
        AnswerContext chineseWriter = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.empty(), List.of(),
                english.knowledge(), List.of(), null, Fixtures.TODAY);

        Answer toEnglish = writer.write(Fixtures.lineText("How long do you keep client files after a case is closed?"),
                Intent.GENERAL_INFO, english, false);
        Answer toChinese = writer.write(Fixtures.lineText("結案後卷宗會保存多久？"), Intent.GENERAL_INFO, chineseWriter,
                false);

        assertThat(toEnglish.needsHandoff()).isFalse();
        assertThat(toEnglish.text()).contains("We have this in Chinese only", "\"agent\"", "卷宗保存期限", "保存五年");
        assertThat(toChinese.text()).contains("以下資訊供您參考", "保存五年").doesNotContain("只有英文版");
        assertThat(grounding.problems(toEnglish.text(), english)).isEmpty();
    }

    @Test
    void aCaseAnswerJoinedByAnArticleInTheOtherLanguageSaysSoToo() {
        AnswerContext chang = changWithArticle("kb-documents-en", "What to bring to your first meeting",
                "Bring your ID, the court papers you received and any contract.", 0.5);
        AnswerContext inChinese = new AnswerContext(ReplyLanguage.ZH_HANT, chang.customer(), chang.cases(),
                chang.knowledge(), List.of(), null, Fixtures.TODAY);

        Answer answer = writer.write(Fixtures.lineText("開庭要帶什麼文件？"), Intent.DOCUMENTS, inChinese, false);

        assertThat(answer.text()).contains("2026-FAM-0142", "只有英文版", "court papers").doesNotContain("以下資訊供您參考");
    }

    /** Mr. Chang with his divorce case, and an English article the search found with this score. */
    private static AnswerContext changWithArticle(String id, String title, String body, double score) {
        io.casedesk.responder.client.ArticleView article = new io.casedesk.responder.client.ArticleView(id, "en", title, body,
                List.of());
        return new AnswerContext(ReplyLanguage.EN, Optional.of(Fixtures.CHANG), List.of(Fixtures.DIVORCE),
                Optional.of(new io.casedesk.responder.service.knowledge.KnowledgeIndex.Answer(article, List.of(body), score)),
                List.of(), null, Fixtures.TODAY);
    }

    @Test
    void aCaseNumberThatIsNotTheWritersOwnIsAnsweredAsNotFound() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);

        Answer answer = writer.write(Fixtures.lineText("請問 2026-CON-0388 的進度"), Intent.CASE_STATUS, context, true);

        assertThat(answer.text()).contains("查無這個案件編號").doesNotContain("2026-CON-0388").doesNotContain("2026-FAM-0142");
    }

    @Test
    void anUnknownIdentityGetsNoCaseFactsButTheWayToLinkIt() {
        AnswerContext unknown = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.empty(), List.of(), List.of(), Fixtures.TODAY);

        Answer answer = writer.write(Fixtures.lineText("我想了解目前離婚訴訟案件的進展"), Intent.CASE_STATUS, unknown, true);

        assertThat(answer.text()).contains("確認您的身分").doesNotContainPattern("\\d{4}-[A-Z]{3}-\\d{4}");
    }

    @Test
    void complaintsAreHandedOverWithAnAcknowledgement() {
        Answer answer = writer.write(Fixtures.lineText("你們太離譜了"), Intent.COMPLAINT,
                Fixtures.changContext(ReplyLanguage.ZH_HANS), true);

        assertThat(answer.needsHandoff()).isTrue();
        assertThat(answer.text()).contains("同事协助");
    }

    @Test
    void aNextStepWhoseDateHasPassedIsToldAsScheduledNeverAsComingAndAPersonIsAsked() {
        AnswerContext afterTheHearing = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.of(Fixtures.CHANG),
                List.of(Fixtures.DIVORCE, Fixtures.OLD_CASE), List.of(), java.time.LocalDate.parse("2026-12-05"));

        Answer answer = writer.write(Fixtures.lineText("我的案子下一步是什麼？"), Intent.CASE_STATUS, afterTheHearing, true);

        assertThat(answer.handoffReason()).isEqualTo(LocalAnswerWriter.STALE_NEXT_STEP);
        assertThat(answer.text()).contains("原訂於 2026-12-03", "已經過了", "由律師向您確認接下來的安排").doesNotContain("下一步：2026-12-03");
        assertThat(grounding.problems(answer.text(), afterTheHearing)).isEmpty();
    }

    @Test
    void aClosedCaseIsToldWithItsClosingDateAndRecordedOutcome() {
        CaseView closed = new CaseView("2025-TRA-0001", "車禍求償", "traffic", "closed", "已結案", "許律師",
                java.time.LocalDate.parse("2025-01-02"), null, null, java.time.LocalDate.parse("2025-06-26"),
                "賠償金已入帳，本案結案。");
        AnswerContext onlyClosed = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.of(Fixtures.CHANG), List.of(closed),
                List.of(), Fixtures.TODAY);

        Answer answer = writer.write(Fixtures.lineText("我之前那個案子後來怎麼樣了？文件有還給我嗎"), Intent.CASE_STATUS,
                onlyClosed, true);

        assertThat(answer.needsHandoff()).isFalse();
        assertThat(answer.text()).contains("已結案", "2025-TRA-0001", "2025-06-26", "賠償金已入帳").doesNotContain("查無");
        assertThat(grounding.problems(answer.text(), onlyClosed)).isEmpty();
    }

    @Test
    void aClosedCaseThatStillHasAFeeDueSaysSoWhateverWasAsked() {
        CaseView closedWithFee = new CaseView("2025-TRA-0002", "車禍調解", "traffic", "closed", "已結案", "許律師",
                java.time.LocalDate.parse("2025-01-02"), null, new CaseView.Fee(new java.math.BigDecimal("10000"), "TWD"),
                java.time.LocalDate.parse("2025-06-26"), "調解成立，本案結案。");
        AnswerContext onlyClosed = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.of(Fixtures.CHANG), List.of(closedWithFee),
                List.of(), Fixtures.TODAY);

        Answer howItEnded = writer.write(Fixtures.lineText("我的案子最後是怎麼結束的？"), Intent.CASE_STATUS, onlyClosed, false);
        Answer anythingToPay = writer.write(Fixtures.lineText("我的案子不是結束了嗎？還有費用要繳嗎？"), Intent.CASE_STATUS,
                onlyClosed, false);

        assertThat(howItEnded.text()).contains("2025-06-26", "調解成立", "10,000");
        assertThat(anythingToPay.text()).contains("2025-TRA-0002", "10,000");
        assertThat(grounding.problems(anythingToPay.text(), onlyClosed)).isEmpty();
        assertThat(QuestionCues.asksWhatIsOwed("我的案子不是結束了嗎？還有費用要繳嗎？")).isTrue();
        assertThat(QuestionCues.asksWhatIsOwed("請問下次開庭要帶什麼？")).isFalse();
    }

    @Test
    void aRecordUpdateGoesToAPersonWhileTheNewsItAlsoAsksForIsAnswered() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.EN);
        Triage triage = new Triage(Intent.ACCOUNT, Emotion.NEUTRAL, Urgency.LOW, false, "en", null, "local", null,
                Intent.CASE_STATUS);

        Answer answer = writer.write(Fixtures.lineText("My resident certificate number is now F912345678; any news on my case?"),
                triage, context, true);

        assertThat(answer.handoffReason()).isEqualTo(LocalAnswerWriter.RECORD_UPDATE);
        assertThat(answer.text()).contains("update", "2026-FAM-0142").doesNotContain("F912345678");
    }

    @Test
    void aRecordUpdateWithAQuestionOfWhenIsAnsweredEvenWhenTheTriageNamedNoSecondRequest() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);
        Triage triage = new Triage(Intent.ACCOUNT, Emotion.NEUTRAL, Urgency.LOW, false, "zh-Hant", null, "local", null, null);

        Answer answer = writer.write(Fixtures.lineText("新的電話是 0987-654-321，另外請問開庭是哪天？"), triage, context, true);

        assertThat(answer.handoffReason()).isEqualTo(LocalAnswerWriter.RECORD_UPDATE);
        assertThat(answer.text()).contains("2026-FAM-0142", "2026-12-03").doesNotContain("0987-654-321");
    }

    @Test
    void aStrangerWhoNamesACaseIsShownHowToLinkNotGreeted() {
        AnswerContext stranger = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.empty(), List.of(), List.of(), Fixtures.TODAY);

        Answer answer = writer.write(Fixtures.lineText("我是陳雅惠，換了新手機，想問 2026-LAB-0316 的開庭日期"), Intent.GREETING,
                stranger, true);

        assertThat(answer.text()).contains("確認您的身分").doesNotContain("很高興為您服務");
    }

    @Test
    void aStrangerWeighingWhetherToHireTheFirmIsNotAskedToLinkAnAccountButHandedToAPerson() {
        AnswerContext stranger = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.empty(), List.of(), List.of(), Fixtures.TODAY);

        Answer chinese = writer.write(Fixtures.lineText("如果我們要委託你們處理工廠的勞檢罰鍰，費用和時間大概多少？"), Intent.BILLING,
                stranger, true);
        Answer english = writer.write(Fixtures.lineText("How much would you charge if I hire you for a visa appeal?"),
                Intent.BILLING, stranger.inLanguage(ReplyLanguage.EN), true);

        assertThat(chinese.needsHandoff()).isTrue();
        assertThat(chinese.handoffReason()).isEqualTo("no_article");
        assertThat(chinese.text()).doesNotContain("確認您的身分");
        assertThat(english.needsHandoff()).isTrue();
        assertThat(english.text()).doesNotContainIgnoringCase("verify");
    }

    @Test
    void aMessageWithoutWordsIsAnsweredInTheRecordsLanguage() {
        assertThat(ReplyLanguage.forMessage("en", "2026-FAM-0142", "zh-Hant", List.of("en"))).isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.forMessage("en", "4821 2026-FAM-0142", null, List.of("zh-Hant", "en")))
                .isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.forMessage("und", "👍", "zh-Hans", List.of())).isEqualTo(ReplyLanguage.ZH_HANS);
        assertThat(ReplyLanguage.forMessage("en", "Any news on 2026-FAM-0142?", "zh-Hant", List.of())).isEqualTo(ReplyLanguage.EN);
        assertThat(ReplyLanguage.forMessage("zh-Hant", "IN-2026-0318 開庭？", "en", List.of())).isEqualTo(ReplyLanguage.ZH_HANT);
    }

    @Test
    void languageTagsMapToTheThreeReplyLanguages() {
        assertThat(ReplyLanguage.of("zh-TW")).isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.of("zh-Hant")).isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.of("zh-CN")).isEqualTo(ReplyLanguage.ZH_HANS);
        assertThat(ReplyLanguage.of("zh-Hans")).isEqualTo(ReplyLanguage.ZH_HANS);
        assertThat(ReplyLanguage.of("en-GB")).isEqualTo(ReplyLanguage.EN);
        assertThat(ReplyLanguage.of(null)).isEqualTo(ReplyLanguage.EN);
    }

    @Test
    void replySubjectsCarryExactlyOneRe() {
        assertThat(ResponderService.replySubject("Re: RE: 案件進度")).isEqualTo("Re: 案件進度");
        assertThat(ResponderService.replySubject(null)).isEqualTo("Re: ");
    }

    /** Nothing relevant exists: a question goes to a person; what is no question at all is asked again. */
    @Test
    void anUnrelatedQuestionNothingAnswersGoesToAPersonWhileNoiseIsAskedAgain() {
        AnswerContext customer = Fixtures.changContext(ReplyLanguage.EN);
        AnswerContext stranger = new AnswerContext(ReplyLanguage.EN, Optional.empty(), List.of(), List.of(), Fixtures.TODAY);

        for (AnswerContext context : List.of(customer, stranger)) {
            Answer question = writer.write(Fixtures.lineText("Can you recommend a good dentist near your office?"),
                    Intent.OTHER, context, true);
            Answer noise = writer.write(Fixtures.lineText("Buy cheap watches now!!!"), Intent.OTHER, context, true);

            assertThat(question.needsHandoff()).isTrue();
            assertThat(question.handoffReason()).isEqualTo("no_article");
            assertThat(noise.needsHandoff()).isFalse();
            assertThat(noise.text()).contains("not sure what you are asking");
        }
    }

    /** The writer sets their cases aside: the firm's article answers, or a person, never the writer's own record. */
    @Test
    void aQuestionTheWriterSaysIsNotAboutTheirCasesIsAnsweredWithoutThem() {
        AnswerContext withArticle = changWithArticle("kb-notary-en", "Notarised translations",
                "We can arrange a notarised translation of a document through a partner notary; it takes about a week.", 1.5);
        AnswerContext withNothing = Fixtures.changContext(ReplyLanguage.EN);

        Answer translated = writer.write(Fixtures.lineText(
                "Not about my case, but could you get my birth certificate translated and notarised?"),
                Intent.CASE_STATUS, withArticle, false);
        Answer visa = writer.write(Fixtures.lineText(
                "Nothing to do with my matter: can your firm help my cousin get a work visa?"), Intent.GENERAL_INFO,
                withNothing, false);
        Answer chinese = writer.write(Fixtures.lineText("跟我的案子沒關係，想問你們有沒有處理車禍理賠？"), Intent.CASE_STATUS,
                Fixtures.changContext(ReplyLanguage.ZH_HANT), false);
        Answer stillTheCase = writer.write(Fixtures.lineText("Not about my case fees: when is my next hearing in 2026-FAM-0142?"),
                Intent.CASE_STATUS, withNothing, false);

        assertThat(translated.needsHandoff()).isFalse();
        assertThat(translated.text()).contains("notarised translation").doesNotContain("2026-FAM-0142");
        assertThat(visa.needsHandoff()).isTrue();
        assertThat(visa.handoffReason()).isEqualTo("no_article");
        assertThat(visa.text()).doesNotContain("2026-FAM-0142");
        assertThat(chinese.handoffReason()).isEqualTo("no_article");
        assertThat(chinese.text()).doesNotContain("2026-FAM-0142");
        assertThat(stillTheCase.text()).as("a case number named is still answered").contains("2026-FAM-0142");
        Answer greeting = writer.write(Fixtures.lineText("Off-topic: happy new year to the whole team!"), Intent.GREETING,
                withNothing, false);
        assertThat(greeting.needsHandoff()).isFalse();
        assertThat(greeting.text()).contains("Happy to help").doesNotContain("2026-FAM-0142");
    }
}
