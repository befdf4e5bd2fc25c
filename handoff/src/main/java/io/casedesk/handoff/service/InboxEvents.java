package io.casedesk.handoff.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;

/** The live feed of the agent inbox: every committed ticket change, plus a keep-alive. */
@ApplicationScoped
public class InboxEvents {

    /**
     * What the inbox receives. No customer text: the page fetches what it shows through the authorised API.
     *
     * @param type {@code ticket}, {@code alert}, {@code bot} (global pause switch) or {@code ping}
     */
    public record InboxEvent(String type, String ticketId, String change) {
    }

    private final BroadcastProcessor<InboxEvent> processor = BroadcastProcessor.create();

    void onTicketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged changed) {
        processor.onNext(new InboxEvent(changed.alert() ? "alert" : "ticket", changed.ticketId(), changed.change()));
    }

    public void botSwitched(boolean paused) {
        processor.onNext(new InboxEvent("bot", null, paused ? "paused" : "resumed"));
    }

    /** The feed, with a ping every 15 s so idle connections stay open through proxies. */
    public Multi<InboxEvent> stream() {
        Multi<InboxEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> new InboxEvent("ping", null, null));
        return Multi.createBy().merging().streams(processor, pings);
    }
}
