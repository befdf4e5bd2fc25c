package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.service.knowledge.KnowledgeIndex;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local answer engine: well-written templates per intent and language, filled only with facts from the
 * {@link AnswerContext}. No network, no model.
 * <ul>
 *   <li>A verified client asking about their matter gets the cases the message is about ({@link CaseSelection}):
 *   status, stage, next step, lawyer, fee as the question needs; a closed case with its closing date and recorded
 *   outcome; a next step whose date has passed as what it was (scheduled for that date), never as what comes, and
 *   a person is asked to bring the record up to date. A knowledge-base passage that fits the question well is
 *   added.</li>
 *   <li>A general question gets the knowledge base's passage, in the writer's language; nothing relevant, a person.</li>
 *   <li>A change of the writer's details is passed to a person (the bot cannot write the record), with the answer to
 *   whatever else the message asked.</li>
 *   <li>Before the identity is linked: the knowledge base only, and the way to link whenever the message is about a
 *   case (a case number, a status, fee or document question).</li>
 * </ul>
 */
public class LocalAnswerWriter implements AnswerEngine {

    public static final String NAME = "local";

    /** The handoff reason when an answer had to tell of a next step whose date has passed. */
    public static final String STALE_NEXT_STEP = "stale_next_step";
    /** The handoff reason when the writer asks for a change to their details. */
    public static final String RECORD_UPDATE = "record_update";

    /** A knowledge passage joins a case answer only when it fits the question this well. */
    static final double KNOWLEDGE_WITH_CASES = 1.0;

    private static final Set<Intent> ABOUT_A_CASE = EnumSet.of(Intent.CASE_STATUS, Intent.APPOINTMENT, Intent.BILLING,
            Intent.DOCUMENTS);

    /**
     * Intents whose own answer stands whatever else the message says: a person (a complaint, a request for one, a
     * change of details) or a greeting.
     */
    private static final Set<Intent> ANSWERED_BY_INTENT_ALONE = EnumSet.of(Intent.COMPLAINT, Intent.HUMAN_REQUEST,
            Intent.ACCOUNT, Intent.GREETING);

    /** Intents a question about what is still owed may be read as. */
    private static final Set<Intent> OWED_IS_BILLING = EnumSet.of(Intent.CASE_STATUS, Intent.GENERAL_INFO, Intent.OTHER,
            Intent.GREETING, Intent.BILLING);

    @Override
    public String engineName() {
        return NAME;
    }

    @Override
    public boolean usesModel() {
        return false;
    }

    @Override
    public Answer write(InboundMessage message, Intent intent, AnswerContext context, boolean discloseAutomation) {
        return answer(message, intent, null, context, discloseAutomation);
    }

    @Override
    public Answer write(InboundMessage message, Triage triage, AnswerContext context, boolean discloseAutomation) {
        return answer(message, triage.intent(), triage.alsoAsks(), context, discloseAutomation);
    }

    private Answer answer(InboundMessage message, Intent intent, Intent alsoAsks, AnswerContext context,
                          boolean discloseAutomation) {
        Phrasebook words = Phrasebook.of(context.language());
        if (message.kind() == MessageKind.FOLLOW) {
            return Answer.of(join(words.get(Phrase.WELCOME), context.knownCustomer() ? null : words.get(Phrase.LINK_IDENTITY)));
        }
        // "Can I drop the form off on Friday?": the firm's hours that day answer it, whoever asks (they are published).
        if (context.officeDay().isPresent() && intent != Intent.COMPLAINT && intent != Intent.HUMAN_REQUEST) {
            String text = officeDayText(context.officeDay().get(), words);
            if (context.knownCustomer()) {
                // "Dear Mr. Chang, our office is ...": the sentence goes on after the greeting's comma.
                String greeting = greeting(context, words);
                text = greeting + (greeting.endsWith(", ") ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text);
            }
            return Answer.of(join(text, words.get(Phrase.CLOSING)));
        }
        // "How much do I still owe?" is about the writer's fees whatever intent it was read as.
        boolean asksWhatIsOwed = QuestionCues.asksWhatIsOwed(message.text());
        if (asksWhatIsOwed && OWED_IS_BILLING.contains(intent)) {
            intent = Intent.BILLING;
        }
        boolean namesACase = !CaseSelection.mentionedNumbers(message.text()).isEmpty();
        boolean aboutCase = ABOUT_A_CASE.contains(intent) || ABOUT_A_CASE.contains(alsoAsks) || namesACase;
        if (!context.knownCustomer()) {
            return strangerAnswer(message, intent, aboutCase || intent == Intent.ACCOUNT, context, words);
        }
        // "If I cancel a consultation, do I get my money back?" asks the firm's rule: the article that states it answers,
        // without the writer's cases around it (which named nothing of them). When no article comes near, the cases
        // would not answer it either: a person does.
        if (ABOUT_A_CASE.contains(intent) && QuestionCues.asksWhatWouldHappen(message.text())
                && !namesACase && !QuestionCues.asksAboutTheCase(message.text()) && !asksWhatIsOwed) {
            if (context.knowledge().filter(k -> k.score() >= KNOWLEDGE_WITH_CASES).isPresent()) {
                return Answer.of(knowledgeText(context, words));
            }
            if (context.knowledge().isEmpty()) {
                return unanswered(message, words);
            }
        }
        // "Unrelated to my cases: ..." asks the firm: the writer's cases stay out of the answer.
        if (QuestionCues.setsAsideTheirCases(message.text()) && !namesACase && !asksWhatIsOwed
                && !ANSWERED_BY_INTENT_ALONE.contains(intent)) {
            return context.knowledge().isPresent() ? Answer.of(knowledgeText(context, words)) : unanswered(message, words);
        }
        return switch (intent) {
            case CASE_STATUS, APPOINTMENT, BILLING, DOCUMENTS ->
                    caseAnswer(message, intent, context, words, discloseAutomation, null);
            case GENERAL_INFO -> context.knowledge().isPresent() ? Answer.of(knowledgeText(context, words))
                    : aboutCase ? caseAnswer(message, alsoAsks, context, words, discloseAutomation, null)
                    : Answer.withHandoff(words.get(Phrase.NO_ARTICLE), "no_article");
            case ACCOUNT -> recordUpdate(message, alsoAsks, aboutCase, context, words, discloseAutomation);
            case GREETING -> aboutCase ? caseAnswer(message, alsoAsks, context, words, discloseAutomation, null)
                    : Answer.of(greeting(context, words) + words.get(Phrase.GREETING_REPLY));
            case OTHER -> context.knowledge().isPresent() ? Answer.of(knowledgeText(context, words))
                    : aboutCase ? caseAnswer(message, alsoAsks, context, words, discloseAutomation, null)
                    : unanswered(message, words);
            case COMPLAINT, HUMAN_REQUEST -> Answer.withHandoff(words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT),
                    "policy:" + intent.name().toLowerCase(Locale.ROOT));
        };
    }

    /** Before the identity is linked: the knowledge base, and how to link when the message is about a case. */
    private static Answer strangerAnswer(InboundMessage message, Intent intent, boolean aboutCase, AnswerContext context,
            Phrasebook words) {
        // One who weighs hiring the firm asks about its services, not about a case of theirs: no identity to link.
        boolean prospective = QuestionCues.asksAsAProspectiveClient(message.text())
                && CaseSelection.mentionedNumbers(message.text()).isEmpty();
        String link = aboutCase && !prospective ? words.get(Phrase.LINK_IDENTITY) : null;
        if (context.knowledge().isPresent() && intent != Intent.GREETING) {
            return Answer.of(join(knowledgeText(context, words), link));
        }
        if (prospective) {
            return unanswered(message, words);
        }
        if (link != null) {
            return Answer.of(link);
        }
        return switch (intent) {
            case GREETING -> Answer.of(greeting(context, words) + words.get(Phrase.GREETING_REPLY));
            case GENERAL_INFO -> Answer.withHandoff(words.get(Phrase.NO_ARTICLE), "no_article");
            case COMPLAINT, HUMAN_REQUEST -> Answer.withHandoff(words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT),
                    "policy:" + intent.name().toLowerCase(Locale.ROOT));
            case OTHER -> unanswered(message, words);
            default -> Answer.of(words.get(Phrase.NOT_UNDERSTOOD));
        };
    }

    /** Nothing in the record or the knowledge base answers it: a question goes to a person, anything else is asked again. */
    private static Answer unanswered(InboundMessage message, Phrasebook words) {
        return QuestionCues.isAQuestion(message.text()) ? Answer.withHandoff(words.get(Phrase.NO_ARTICLE), "no_article")
                : Answer.of(words.get(Phrase.NOT_UNDERSTOOD));
    }

    /** A change of details needs a person; what else the message asks is answered now. */
    private Answer recordUpdate(InboundMessage message, Intent alsoAsks, boolean aboutCase, AnswerContext context,
                                Phrasebook words, boolean discloseAutomation) {
        String notice = words.get(Phrase.RECORD_UPDATE);
        // "My new number is ...; when is the mediation?": the question is answered while a person updates the record.
        if (!aboutCase && !QuestionCues.asksAboutTheCase(message.text())) {
            return Answer.withHandoff(greeting(context, words) + notice, RECORD_UPDATE);
        }
        Answer cases = caseAnswer(message, alsoAsks == null ? Intent.CASE_STATUS : alsoAsks, context, words,
                discloseAutomation, notice);
        return Answer.withHandoff(cases.text(), cases.needsHandoff() ? cases.handoffReason() : RECORD_UPDATE);
    }

    /**
     * The cases the message is about, with what the intent asks for.
     *
     * @param preface a sentence for the top of the answer (after the greeting), or {@code null}
     */
    private Answer caseAnswer(InboundMessage message, Intent intent, AnswerContext context, Phrasebook words,
                              boolean discloseAutomation, String preface) {
        Intent asked = intent == null ? Intent.CASE_STATUS : intent;
        CaseSelection.Selection selection = CaseSelection.select(message.text(), context.cases(), asked == Intent.BILLING);
        String greeting = greeting(context, words) + (preface == null ? "" : preface + "\n");
        List<CaseView> chosen = selection.cases();
        if (chosen.isEmpty()) {
            return Answer.of(greeting + words.get(selection.unknownNumber() != null ? Phrase.CASE_NOT_FOUND : Phrase.NO_OPEN_CASES));
        }
        boolean closedOnly = chosen.stream().noneMatch(CaseView::open);
        boolean owedOnly = QuestionCues.asksWhatIsOwed(message.text()) && !QuestionCues.asksAboutTheCase(message.text());
        List<String> lines = new ArrayList<>();
        List<String> staleCases = new ArrayList<>();
        if (chosen.size() == 1) {
            lines.add(greeting + words.get(closedOnly ? Phrase.CLOSED_CASE_HEADER : Phrase.CASE_HEADER));
            lines.addAll(caseDetails(chosen.get(0), asked, true, owedOnly, context, words, staleCases));
        } else {
            boolean mixed = !closedOnly && chosen.stream().anyMatch(c -> !c.open());
            Phrase header = closedOnly ? Phrase.CLOSED_CASES_HEADER : mixed ? Phrase.FEES_HEADER : Phrase.CASES_HEADER;
            lines.add(greeting + String.format(words.get(header), chosen.size()));
            for (CaseView c : chosen) {
                lines.add("");
                lines.addAll(caseDetails(c, asked, false, owedOnly, context, words, staleCases));
            }
            if (selection.unknownNumber() == null) {
                lines.add("");
                lines.add(words.get(Phrase.ASK_WHICH_CASE));
            }
        }
        if (selection.unknownNumber() != null && !chosen.isEmpty()) {
            lines.add(words.get(Phrase.CASE_NOT_FOUND));
        }
        // How to pay is the firm's published information, not the record's: the article that tells it belongs here.
        boolean howToPay = QuestionCues.asksHowToPay(message.text());
        Optional<KnowledgeIndex.Answer> knowledge = context.knowledge()
                .filter(k -> asked == Intent.DOCUMENTS || closedOnly || howToPay || k.score() >= KNOWLEDGE_WITH_CASES);
        knowledge.ifPresent(k -> {
            lines.add("");
            lines.add(words.introductionTo(k));
            lines.add(k.text());
        });
        lines.add(words.get(Phrase.CLOSING));
        if (discloseAutomation) {
            lines.add(words.get(Phrase.AUTOMATED));
        }
        String text = String.join("\n", lines);
        // A passed next step means the record is behind: the client is told so, and a person brings it up to date.
        return staleCases.isEmpty() ? Answer.of(text) : Answer.withHandoff(text, STALE_NEXT_STEP);
    }

    private List<String> caseDetails(CaseView c, Intent intent, boolean single, boolean owedOnly, AnswerContext context,
                                     Phrasebook words, List<String> staleCases) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(words.get(Phrase.CASE_NUMBER), c.number(), c.title()));
        lines.add(String.format(words.get(Phrase.STATUS), words.statusLabel(c.status())));
        if (!c.open()) {
            if (c.closedAt() != null) {
                lines.add(String.format(words.get(Phrase.CLOSED_ON), c.closedAt()));
            }
            if (c.outcome() != null) {
                lines.add(String.format(words.get(Phrase.OUTCOME), c.outcome()));
            }
        } else {
            if (single && c.stage() != null && intent == Intent.CASE_STATUS) {
                lines.add(String.format(words.get(Phrase.STAGE), c.stage()));
            }
            if (!c.nextStepPassed(context.today())) {
                lines.add(nextStepLine(c, words));
            } else if (!owedOnly) {
                // A question of what is owed leaves a passed step out (and its handoff): it waits for a question about
                // the case ("where does my deposit case stand" asks about the case, whatever intent it was read as).
                staleCases.add(c.number());
                lines.add(String.format(words.get(Phrase.NEXT_STEP_PASSED), c.nextStep().date(),
                        c.nextStep().description() == null ? "" : c.nextStep().description()));
            }
            if (single && c.assignee() != null) {
                lines.add(String.format(words.get(Phrase.ASSIGNEE), c.assignee()));
            }
        }
        // A closed case that still has a fee due says so whatever was asked: the balance is what is left to do on it.
        if (intent == Intent.BILLING || !c.open() && c.feeDue()) {
            lines.add(feeLine(c, words));
        }
        return lines;
    }

    private static String nextStepLine(CaseView c, Phrasebook words) {
        if (c.nextStep() == null || c.nextStep().date() == null) {
            return words.get(Phrase.NO_NEXT_STEP);
        }
        String description = c.nextStep().description() == null ? "" : c.nextStep().description();
        return String.format(words.get(Phrase.NEXT_STEP), c.nextStep().date(), description).strip();
    }

    private static String feeLine(CaseView c, Phrasebook words) {
        if (!c.feeDue()) {
            return words.get(Phrase.NO_OUTSTANDING_FEE);
        }
        return String.format(words.get(Phrase.OUTSTANDING_FEE), c.outstandingFee().currency(), formatAmount(c.outstandingFee().amount()));
    }

    static String formatAmount(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** Whether the office is open on the day asked, its hours then, or when it is open next. */
    private static String officeDayText(OfficeDays.OfficeDay day, Phrasebook words) {
        List<String> weekdays = List.of(words.get(Phrase.WEEKDAYS).split(","));
        String weekday = weekdays.get(day.day().getDayOfWeek().getValue() - 1);
        if (day.open()) {
            return String.format(words.get(Phrase.OFFICE_OPEN), day.day(), weekday, String.join(" / ", day.hours()));
        }
        String closed = String.format(words.get(Phrase.OFFICE_CLOSED), day.day(), weekday);
        return day.nextOpen() == null ? closed : join(closed, String.format(words.get(Phrase.OFFICE_NEXT_OPEN),
                day.nextOpen(), weekdays.get(day.nextOpen().getDayOfWeek().getValue() - 1),
                String.join(" / ", day.nextOpenHours())));
    }

    /** The knowledge base's answer: the article's title and the passages that fit, after a short introduction. */
    private static String knowledgeText(AnswerContext context, Phrasebook words) {
        KnowledgeIndex.Answer knowledge = context.knowledge().orElseThrow();
        String introduction = words.introductionTo(knowledge);
        String intro = context.knownCustomer() ? greeting(context, words) + introduction : introduction;
        return join(intro, knowledge.text());
    }

    /**
     * "張先生您好，" / "Dear Mr. Chang, " for a verified customer; a neutral greeting otherwise. A firm may record the
     * whole greeting as the salutation ("陳小姐您好", "Hi Ms Lan"): it is used as written, not greeted twice.
     */
    private static String greeting(AnswerContext context, Phrasebook words) {
        Optional<String> salutation = context.salutation().map(String::strip).filter(s -> !s.isEmpty());
        if (context.language() == ReplyLanguage.EN) {
            return salutation.map(s -> (GREETS_IN_ENGLISH.matcher(s).lookingAt() ? s : "Dear " + s) + ", ")
                    .orElse("Hello, ");
        }
        return salutation.map(s -> (GREETS_IN_CHINESE.matcher(s).find() ? s : s + "您好") + "，").orElse("您好，");
    }

    private static final Pattern GREETS_IN_ENGLISH = Pattern.compile("(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETS_IN_CHINESE = Pattern.compile("[您你妳]好|早安|午安|晚安");

    private static String join(String first, String second) {
        return second == null ? first : first + "\n" + second;
    }
}
