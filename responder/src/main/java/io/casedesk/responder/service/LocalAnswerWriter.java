package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The local answer engine: well-written templates per intent and language, filled only with facts from
 * the {@link AnswerContext}. No network, no model.
 */
public class LocalAnswerWriter implements AnswerEngine {

    public static final String NAME = "local";

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
        Phrasebook words = Phrasebook.of(context.language());
        if (message.kind() == MessageKind.FOLLOW) {
            return Answer.of(join(words.get(Phrase.WELCOME), context.knownCustomer() ? null : words.get(Phrase.LINK_IDENTITY)));
        }
        return switch (intent) {
            case CASE_STATUS, APPOINTMENT, BILLING, DOCUMENTS -> caseAnswer(message, intent, context, words, discloseAutomation);
            case GENERAL_INFO -> articleAnswer(context, words);
            case GREETING -> Answer.of(greeting(context, words) + words.get(Phrase.GREETING_REPLY));
            case OTHER, ACCOUNT -> Answer.of(words.get(Phrase.NOT_UNDERSTOOD));
            case COMPLAINT, HUMAN_REQUEST -> Answer.withHandoff(words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT), "policy:" + intent.name().toLowerCase(Locale.ROOT));
        };
    }


    private Answer caseAnswer(InboundMessage message, Intent intent, AnswerContext context, Phrasebook words,
                              boolean discloseAutomation) {
        if (!context.knownCustomer()) {
            // Before the identity is linked only the knowledge base may answer, then the way to link it.
            return context.articles().isEmpty() ? Answer.of(words.get(Phrase.LINK_IDENTITY))
                    : Answer.of(join(articleText(context, words), words.get(Phrase.LINK_IDENTITY)));
        }
        Optional<String> mentioned = mentionedCaseNumber(message.text());
        List<CaseView> chosen;
        if (mentioned.isPresent()) {
            // A case number picks that case only when it is the writer's own; otherwise it is "not found".
            chosen = context.cases().stream().filter(c -> c.number().equalsIgnoreCase(mentioned.get())).toList();
            if (chosen.isEmpty()) {
                return Answer.of(greeting(context, words) + words.get(Phrase.CASE_NOT_FOUND));
            }
        } else {
            chosen = context.openCases();
        }
        if (chosen.isEmpty()) {
            return Answer.of(greeting(context, words) + words.get(Phrase.NO_OPEN_CASES));
        }
        List<String> lines = new ArrayList<>();
        if (chosen.size() == 1) {
            lines.add(greeting(context, words) + words.get(Phrase.CASE_HEADER));
            lines.addAll(caseDetails(chosen.get(0), intent, words));
        } else {
            lines.add(greeting(context, words) + String.format(words.get(Phrase.CASES_HEADER), chosen.size()));
            for (CaseView c : chosen) {
                lines.add("");
                lines.add(String.format(words.get(Phrase.CASE_NUMBER), c.number(), c.title()));
                lines.add(String.format(words.get(Phrase.STATUS), words.statusLabel(c.status())));
                lines.add(nextStepLine(c, words));
                if (intent == Intent.BILLING) {
                    lines.add(feeLine(c, words));
                }
            }
            lines.add("");
            lines.add(words.get(Phrase.ASK_WHICH_CASE));
        }
        lines.add(words.get(Phrase.CLOSING));
        if (discloseAutomation) {
            lines.add(words.get(Phrase.AUTOMATED));
        }
        return Answer.of(String.join("\n", lines));
    }

    private List<String> caseDetails(CaseView c, Intent intent, Phrasebook words) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(words.get(Phrase.CASE_NUMBER), c.number(), c.title()));
        lines.add(String.format(words.get(Phrase.STATUS), words.statusLabel(c.status())));
        if (c.stage() != null && intent == Intent.CASE_STATUS) {
            lines.add(String.format(words.get(Phrase.STAGE), c.stage()));
        }
        lines.add(nextStepLine(c, words));
        if (c.assignee() != null) {
            lines.add(String.format(words.get(Phrase.ASSIGNEE), c.assignee()));
        }
        if (intent == Intent.BILLING) {
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
        if (c.outstandingFee() == null || c.outstandingFee().amount() == null
                || c.outstandingFee().amount().signum() == 0) {
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

    private Answer articleAnswer(AnswerContext context, Phrasebook words) {
        if (context.articles().isEmpty()) {
            return Answer.withHandoff(words.get(Phrase.NO_ARTICLE), "no_article");
        }
        return Answer.of(articleText(context, words));
    }

    private static String articleText(AnswerContext context, Phrasebook words) {
        ArticleView best = context.articles().get(0);
        return join(words.get(Phrase.ARTICLE_INTRO), best.title() + "\n" + best.body());
    }

    /** "張先生您好，" / "Dear Mr. Chang, " for a verified customer; a neutral greeting otherwise. */
    private static String greeting(AnswerContext context, Phrasebook words) {
        Optional<String> salutation = context.salutation();
        if (context.language() == ReplyLanguage.EN) {
            return salutation.map(s -> "Dear " + s + ", ").orElse("Hello, ");
        }
        return salutation.map(s -> s + "您好，").orElse("您好，");
    }

    private static Optional<String> mentionedCaseNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = GroundingCheck.CASE_NUMBER.matcher(text.toUpperCase(Locale.ROOT));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "\n" + second;
    }
}
