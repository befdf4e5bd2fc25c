package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseServiceClient;
import io.casedesk.responder.client.CaseServiceUnavailableException;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.CustomerWithCases;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.client.TurnView;
import io.casedesk.responder.config.ResponderConfig;
import io.casedesk.responder.config.ResponderConfig.ReplyPolicy;
import io.casedesk.responder.service.knowledge.KnowledgeIndex;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.TurnKind;
import io.casedesk.schema.Urgency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Decides, per triaged message, whether to answer, draft for an agent or hand off (DESIGN §4), and
 * builds the events that carry the decision out. It reads only the writer's own record.
 */
@ApplicationScoped
public class ResponderService {

    /** Intents answered without the knowledge base: a greeting, or a message that goes to a person anyway. */
    private static final Set<Intent> NO_KNOWLEDGE_NEEDED = EnumSet.of(Intent.GREETING, Intent.COMPLAINT,
            Intent.HUMAN_REQUEST);

    /** The handoff reason when a message hands over a payment card's details. */
    static final String CARD_DETAILS = "card_details";
    /** Words of an article on reaching a lawyer urgently, in the languages answers are written in. */
    private static final String URGENT_CONTACT_TERMS = "urgent contact urgent line 24-hour 緊急 緊急專線 紧急专线 聯絡 联络";
    private static final java.util.regex.Pattern URGENT_CONTACT = java.util.regex.Pattern.compile(
            "urgent|emergenc|after-hours|緊急|紧急|急件");

    /**
     * Words of an article on how to pay, in the languages answers are written in: "how much do I owe and how do I
     * pay" is mostly about the record, and its few words of payment alone may not find the article.
     */
    private static final String PAYMENT_TERMS = "payment methods pay bank transfer credit card 付款方式 付款 轉帳 信用卡";

    private static final Logger LOG = Logger.getLogger(ResponderService.class);

    private final CaseServiceClient caseService;
    private final KnowledgeBase knowledgeBase;
    private final ReplyPolicyDecider policy;
    private final AnswerEngine engine;
    private final IdentityLinkFlow identityLinks;
    private final GroundingCheck grounding;
    private final ConversationModes modes;
    private final ResponderConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Timer ownLatency;
    private final Counter staleNextSteps;
    /** True when a model writes the answers: its time is not the responder's own, and it reads the latest turns. */
    private final boolean modelEngine;

    public ResponderService(@RestClient CaseServiceClient caseService, KnowledgeBase knowledgeBase,
                            ReplyPolicyDecider policy, AnswerEngine engine, IdentityLinkFlow identityLinks,
                            GroundingCheck grounding, ConversationModes modes, ResponderConfig config,
                            MeterRegistry metrics, Clock clock) {
        this.caseService = caseService;
        this.knowledgeBase = knowledgeBase;
        this.policy = policy;
        this.engine = engine;
        this.identityLinks = identityLinks;
        this.grounding = grounding;
        this.modes = modes;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.modelEngine = engine.usesModel();
        this.ownLatency = Timer.builder("casedesk.responder.latency")
                .description("The responder's own time per message, without the model's")
                .tag("engine", engine.engineName())
                // Buckets, not client-side quantiles: PromQL's histogram_quantile aggregates them across pods.
                .publishPercentileHistogram()
                .register(metrics);
        this.staleNextSteps = Counter.builder("casedesk.responder.stale.next.steps")
                .description("Answers that had to tell of a next step whose date has passed (the record needs updating)")
                .register(metrics);
    }

    /**
     * The events that carry out the decision for one triaged message. Its own latency (everything but the time a
     * model spends answering) is recorded as {@code casedesk.responder.latency}.
     */
    public List<OutgoingEvent> respond(Envelope<TriagedMessage> triaged) {
        long start = System.nanoTime();
        long[] modelNanos = {0};
        try {
            return decide(triaged, modelNanos);
        } finally {
            ownLatency.record(System.nanoTime() - start - modelNanos[0], TimeUnit.NANOSECONDS);
        }
    }

    private List<OutgoingEvent> decide(Envelope<TriagedMessage> triaged, long[] modelNanos) {
        InboundMessage inbound = triaged.payload().inbound();
        String skipReason = reasonToStaySilent(triaged);
        if (skipReason != null) {
            metrics.counter("casedesk.responder.silent", "reason", skipReason).increment();
            return List.of();
        }
        Triage triage = triaged.payload().triage();
        Decision decision = policy.decide(triage);
        Intent intent = triage.intent();

        AnswerContext context;
        Phrasebook words;
        try {
            // One call for the writer and, when the identity is verified, their cases (case-service leaves them out otherwise).
            Optional<CustomerWithCases> record = customerRecord(inbound);
            Optional<CustomerView> customer = record.map(CustomerWithCases::customer);
            boolean verified = customer.filter(CustomerView::verified).isPresent();
            FirmView firm = knowledgeBase.firm();
            // A message of only a case number or digits is answered in the language of the writer's record.
            ReplyLanguage language = ReplyLanguage.forMessage(triage.language(), inbound.text(),
                    customer.map(CustomerView::language).orElse(null), firm.languages());
            words = Phrasebook.of(language);
            // A replayed link attempt is not carried out again: it would count against the identity's lockout.
            Optional<IdentityLinkFlow.Attempt> linkAttempt = verified || triaged.replay() ? Optional.empty()
                    : IdentityLinkFlow.parse(inbound.text());
            if (linkAttempt.isPresent() && decision.policy() != ReplyPolicy.HANDOFF) {
                IdentityLinkFlow.Result result = identityLinks.attempt(channelName(inbound), identity(inbound),
                        linkAttempt.get(), language, linked -> ReplyLanguage.forMessage(triage.language(),
                                inbound.text(), linked.language(), firm.languages()));
                return outbound(triaged, result.linkedCustomerRef(), result.reply(), AnswerKind.SYSTEM);
            }
            if (decision.policy() == ReplyPolicy.HANDOFF) {
                String customerRef = customer.filter(CustomerView::verified).map(CustomerView::customerRef).orElse(null);
                return handoff(triaged, customerRef, decision.reason(), acknowledgement(triage, inbound.text(), language, words),
                        null);
            }
            List<CaseView> cases = verified ? record.get().cases() : List.of();
            Optional<KnowledgeIndex.Answer> knowledge = NO_KNOWLEDGE_NEEDED.contains(intent) ? Optional.empty()
                    : QuestionCues.asksHowToPay(inbound.text())
                    ? knowledgeBase.answer(inbound.text() + " " + PAYMENT_TERMS, language)
                    : knowledgeBase.answer(inbound.text(), language, triaged.payload().embedding());
            LocalDate today = knowledgeBase.today();
            context = new AnswerContext(language, customer, cases, knowledge,
                    modelEngine ? recentTurns(triaged) : List.of(), firm, today,
                    OfficeDays.asked(inbound.text(), today, firm.serviceHours()));
        } catch (CaseServiceUnavailableException | ProcessingException | WebApplicationException e) {
            // Without the record no answer can be grounded: a person takes over rather than the bot guessing.
            // The exception's message may name the request's URL, with the writer's identity in it: only its type.
            LOG.warnf("case-service unavailable for event %s: %s", triaged.eventId(), e.getClass().getSimpleName());
            words = Phrasebook.of(ReplyLanguage.of(triage.language()));
            return handoff(triaged, null, "case_service_unavailable", words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT), null);
        }
        String customerRef = context.knownCustomer() ? context.customer().get().customerRef() : null;

        if (ThirdPartyRequests.asksAboutSomeoneElse(inbound.text(), context.customer(), context.cases())) {
            metrics.counter("casedesk.responder.third_party_requests").increment();
            return outbound(triaged, customerRef, words.get(Phrase.THIRD_PARTY), AnswerKind.SYSTEM);
        }
        if (QuestionCues.asksForWhatOnlyAPersonGrants(inbound.text())) {
            // Waiving a fee or obeying words addressed to the bot is never the bot's to do: a person reads it.
            return handoff(triaged, customerRef, "for_a_person_to_grant", words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT), null);
        }
        Answer answer;
        try {
            long engineStart = System.nanoTime();
            try {
                answer = engine.write(inbound, triage, context, config.discloseAutomation());
            } finally {
                if (modelEngine) {
                    modelNanos[0] = System.nanoTime() - engineStart;
                }
            }
        } catch (AnswerEngineUnavailableException e) {
            metrics.counter("casedesk.responder.engine.fallbacks", "engine", engine.engineName()).increment();
            LOG.warnf("Answer engine %s failed for event %s: %s", engine.engineName(), triaged.eventId(), e.getMessage());
            return handoff(triaged, customerRef, "engine_unavailable", words.get(Phrase.ENGINE_FALLBACK), null);
        }
        List<String> problems = grounding.problems(answer.text(), context);
        if (!problems.isEmpty()) {
            metrics.counter("casedesk.responder.grounding.failures", "engine", engine.engineName()).increment();
            LOG.warnf("Answer for event %s not sent, not grounded: %s", triaged.eventId(), problems);
            return handoff(triaged, customerRef, "grounding_failed", words.get(Phrase.ENGINE_FALLBACK), null);
        }
        if (PaymentCards.sentIn(inbound.text())) {
            // "Charge my Visa 4539 ...": taking a payment is a person's to do, whatever else the message asked; the
            // answer (which never repeats the card) says so, and to send no card by message. Where the firm has its
            // agents approve this intent's answers first, it stays a draft for them.
            String reason = answer.needsHandoff() ? answer.handoffReason() : CARD_DETAILS;
            String text = answer.text() + "\n" + words.get(Phrase.CARD_DETAILS);
            return decision.policy() == ReplyPolicy.DRAFT ? handoff(triaged, customerRef, reason, null, text)
                    : handoff(triaged, customerRef, reason, text, null);
        }
        if (answer.needsHandoff()) {
            if (LocalAnswerWriter.STALE_NEXT_STEP.equals(answer.handoffReason())) {
                staleNextSteps.increment();
            }
            return handoff(triaged, customerRef, answer.handoffReason(), answer.text(), null);
        }
        if (decision.policy() == ReplyPolicy.DRAFT) {
            return handoff(triaged, customerRef, "draft", null, answer.text());
        }
        metrics.counter("casedesk.responder.answers", "intent", intent.name().toLowerCase(Locale.ROOT),
                "engine", engine.engineName()).increment();
        return outbound(triaged, customerRef, answer.text(), AnswerKind.AUTO);
    }

    /**
     * The handoff's acknowledgement; for an urgent message also the firm's published way to reach a lawyer urgently
     * (its urgent-contact article), since a person may take a while and an arrest or a deadline tonight cannot wait.
     */
    private String acknowledgement(Triage triage, String text, ReplyLanguage language, Phrasebook words) {
        String acknowledgement = words.get(Phrase.HANDOFF_ACKNOWLEDGEMENT);
        if (triage.urgency() != Urgency.HIGH) {
            return acknowledgement;
        }
        // The firm's urgent-contact article, even when another (what to do when arrested) matches the message better.
        Optional<KnowledgeIndex.Answer> urgentContact = knowledgeBase.answerAmong(
                (text == null ? "" : text) + " " + URGENT_CONTACT_TERMS, language, ResponderService::isUrgentContact);
        return urgentContact.map(article -> acknowledgement + "\n" + words.introductionTo(article) + "\n" + article.text())
                .orElse(acknowledgement);
    }

    private static boolean isUrgentContact(ArticleView article) {
        String about = (article.title() + " " + String.join(" ", article.tags())).toLowerCase(Locale.ROOT);
        return URGENT_CONTACT.matcher(about).find();
    }

    /** The conversation's latest turns, oldest first; none when case-service has none yet. */
    private List<TurnView> recentTurns(Envelope<TriagedMessage> triaged) {
        List<TurnView> newestFirst = caseService.turns(triaged.conversationId(), 0, config.historyTurns()).items();
        List<TurnView> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Why no answer may be sent, or {@code null} when one may. A replayed message is answered like any other (that
     * is what shadow evaluation compares): its answer keeps the replay mark, and channel senders never send it.
     */
    private String reasonToStaySilent(Envelope<TriagedMessage> triaged) {
        InboundMessage inbound = triaged.payload().inbound();
        if (!inbound.answerable()) {
            return "not_answerable";
        }
        LineSource line = inbound.line();
        if (line != null && !"user".equals(line.sourceType()) && !line.mentionedBot()) {
            return "group_without_mention";
        }
        if (modes.humanOwns(triaged.conversationId())) {
            return "human_owns_conversation";
        }
        return null;
    }

    /** The writer's customer record with all their cases, closed ones last; empty for an unknown identity. */
    private Optional<CustomerWithCases> customerRecord(InboundMessage inbound) {
        String identity = identity(inbound);
        if (identity == null) {
            return Optional.empty();
        }
        try (Response response = caseService.customerWithCases(channelName(inbound), identity, "all")) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                // A refused credential must not read as a customer without cases.
                throw new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
            }
            return Optional.of(response.readEntity(CustomerWithCases.class));
        }
    }

    private static String channelName(InboundMessage inbound) {
        return inbound.channel() == Channel.EMAIL ? "email" : "line";
    }

    /** The writer's channel identity: the LINE user id, or the email's verified From address. */
    private static String identity(InboundMessage inbound) {
        return inbound.channel() == Channel.EMAIL && inbound.email() != null ? inbound.email().from() : inbound.senderId();
    }

    private List<OutgoingEvent> handoff(Envelope<TriagedMessage> triaged, String customerRef, String reason,
                                       String customerNotice, String draftText) {
        metrics.counter("casedesk.responder.handoffs", "reason", reason).increment();
        List<OutgoingEvent> events = new ArrayList<>();
        if (customerNotice != null) {
            events.addAll(outbound(triaged, customerRef, customerNotice, AnswerKind.SYSTEM));
        }
        // The embedding stays here: a person's ticket has no use for it.
        HandoffRequest request = new HandoffRequest(reason, triaged.payload().withoutEmbedding(), customerRef, draftText);
        events.add(new OutgoingEvent(Topics.HANDOFF, triaged.follow("handoff", clock.instant(), request)));
        if (draftText != null) {
            events.add(turn(triaged, "draft-turn", TurnKind.DRAFT, customerRef, draftText, reason));
        }
        return events;
    }

    /** The answer on the writer's channel, plus its audit-log turn. */
    private List<OutgoingEvent> outbound(Envelope<TriagedMessage> triaged, String customerRef, String text, AnswerKind kind) {
        InboundMessage inbound = triaged.payload().inbound();
        EventPayload message;
        String topic;
        if (inbound.channel() == Channel.EMAIL && inbound.email() != null) {
            EmailSource email = inbound.email();
            List<String> references = new ArrayList<>(email.references());
            if (email.messageId() != null && !references.contains(email.messageId())) {
                references.add(email.messageId());
            }
            // Answers go to the verified From address, never to a differing Reply-To (DESIGN §4).
            message = new OutboundEmailMessage(email.mailbox(), email.from(), replySubject(email.subject()), text,
                    email.messageId(), references, inbound.text(), triaged.causationId(), kind);
            topic = Topics.OUTBOUND_EMAIL;
        } else {
            LineSource line = inbound.line();
            String chat = line.groupId() != null ? line.groupId() : line.roomId() != null ? line.roomId() : line.userId();
            message = new OutboundLineMessage(line.destination(), chat, line.replyToken(), line.replyTokenIssuedAt(),
                    triaged.causationId(), line.messageId(), List.of(text), kind);
            topic = Topics.OUTBOUND_LINE;
        }
        return List.of(new OutgoingEvent(topic, triaged.follow("answer", clock.instant(), message)),
                turn(triaged, "answer-turn", TurnKind.ANSWER, customerRef, text, kind.name().toLowerCase(Locale.ROOT)));
    }

    private OutgoingEvent turn(Envelope<TriagedMessage> triaged, String purpose, TurnKind kind, String customerRef,
                               String text, String detail) {
        InboundMessage inbound = triaged.payload().inbound();
        ConversationTurn turn = new ConversationTurn(kind, inbound.channel(), identity(inbound), customerRef, "bot", text, null, detail);
        return new OutgoingEvent(Topics.CONVERSATION, triaged.follow(purpose, clock.instant(), turn));
    }

    static String replySubject(String subject) {
        String base = subject == null ? "" : subject.strip();
        while (base.regionMatches(true, 0, "re:", 0, 3)) {
            base = base.substring(3).strip();
        }
        return "Re: " + base;
    }
}
