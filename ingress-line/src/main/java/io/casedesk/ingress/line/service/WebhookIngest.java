package io.casedesk.ingress.line.service;

import io.casedesk.ingress.line.idempotency.ProcessedIds;
import io.casedesk.ingress.line.mapping.LineEventMapper;
import io.casedesk.ingress.line.mapping.MappingResult.Ignored;
import io.casedesk.ingress.line.mapping.MappingResult.Mapped;
import io.casedesk.ingress.line.mapping.MappingResult;
import io.casedesk.ingress.line.mapping.ReceivedWebhook.ReceivedEvent;
import io.casedesk.ingress.line.mapping.ReceivedWebhook;
import io.casedesk.ingress.line.messaging.EventPublisher;
import io.casedesk.ingress.line.service.SenderProfiles.SenderProfile;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.TurnKind;
import io.smallrye.mutiny.Uni;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes the events of a verified webhook: each new event becomes an {@link InboundMessage} on
 * {@code cs.inbound.v1} and a conversation turn on {@code cs.conversation.v1}. Events already published
 * (by this process, or before a restart: see {@code IdempotencyWarmup}) are dropped; unknown and unsupported
 * ones are counted and dropped.
 */
@Singleton
public class WebhookIngest {

    private final LineEventMapper mapper;
    private final EventPublisher publisher;
    private final SenderProfiles profiles;
    private final LoadingIndicator loadingIndicator;
    private final LineMetrics metrics;
    private final RecentEventIds publishedEvents;
    private final RecentEventIds unsentMessages;

    public WebhookIngest(LineEventMapper mapper, EventPublisher publisher, SenderProfiles profiles,
            LoadingIndicator loadingIndicator, LineMetrics metrics, ProcessedIds processedIds) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.profiles = profiles;
        this.loadingIndicator = loadingIndicator;
        this.metrics = metrics;
        this.publishedEvents = processedIds.inboundEvents();
        this.unsentMessages = processedIds.unsentMessages();
    }

    /**
     * Completes once the broker acknowledged every new event; fails if any was not (LINE then redelivers). The
     * events carry {@code traceparent}, the trace context of the webhook request.
     */
    public Uni<Void> ingest(ReceivedWebhook webhook, String traceparent) {
        List<Uni<Void>> publications = new ArrayList<>();
        for (ReceivedEvent event : webhook.events()) {
            MappingResult result = mapper.map(webhook.destination(), event);
            if (result instanceof Ignored ignored) {
                metrics.eventIgnored(ignored.eventType(), ignored.reason());
            } else if (result instanceof Mapped mapped) {
                rememberIfUnsend(mapped.message());
                if (publishedEvents.claim(mapped.eventId())) {
                    publications.add(publish(mapped, traceparent));
                } else {
                    metrics.eventDuplicate();
                }
            }
        }
        if (publications.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(publications).andCollectFailures().replaceWithVoid();
    }

    /** Replies to a message the customer took back are not sent (see {@code OutboundLineConsumer}). */
    private void rememberIfUnsend(InboundMessage message) {
        if (message.kind() == MessageKind.UNSEND && message.line().messageId() != null) {
            unsentMessages.remember(message.line().messageId());
        }
    }

    private Uni<Void> publish(Mapped mapped, String traceparent) {
        return withSenderProfile(mapped.message())
                .flatMap(message -> {
                    Envelope<InboundMessage> inbound = Envelope.of(mapped.eventId(), mapped.occurredAt(),
                            mapped.conversationId(), null, traceparent, message);
                    Envelope<ConversationTurn> turn = inbound.follow("conversation-turn", mapped.occurredAt(),
                            new ConversationTurn(TurnKind.INBOUND, Channel.LINE, message.senderId(), null, "customer",
                                    message.text(), null, message.kind().name().toLowerCase(Locale.ROOT)));
                    return Uni.join().all(publisher.inbound(inbound), publisher.conversation(turn))
                            .andCollectFailures().replaceWithVoid()
                            .invoke(() -> afterPublished(message, traceparent));
                })
                .onFailure().invoke(() -> publishedEvents.release(mapped.eventId()));
    }

    private void afterPublished(InboundMessage message, String traceparent) {
        metrics.eventPublished();
        boolean waitsForAnswer = message.kind() == MessageKind.TEXT && message.line().sourceType().equals("user")
                && !message.line().standby() && !message.line().redelivery();
        if (waitsForAnswer) {
            loadingIndicator.show(message.senderId(), traceparent);
        }
    }

    private Uni<InboundMessage> withSenderProfile(InboundMessage message) {
        if (message.senderId() == null) {
            return Uni.createFrom().item(message);
        }
        return profiles.lookup(message.senderId()).map(profile -> enrich(message, profile));
    }

    private static InboundMessage enrich(InboundMessage message, Optional<SenderProfile> profile) {
        return profile.map(p -> new InboundMessage(message.channel(), message.kind(), message.senderId(),
                        p.displayName(), p.language(), message.text(), message.attachments(), message.receivedAt(),
                        message.line(), message.email()))
                .orElse(message);
    }
}
