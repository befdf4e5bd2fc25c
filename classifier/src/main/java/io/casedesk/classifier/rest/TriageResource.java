package io.casedesk.classifier.rest;

import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/** Triage of a text on request, to try the engine without going through Kafka. Nothing is stored or published. */
@Path("/api/v1/triage")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    /** @param languageHint a language tag as a channel would report it, e.g. {@code zh-TW}; optional */
    public record TriageRequest(String text, String languageHint) {
    }

    private final TriageEngine engine;

    TriageResource(TriageEngine engine) {
        this.engine = engine;
    }

    @POST
    public Triage triage(TriageRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("text is required");
        }
        return engine.triage(new InboundMessage(Channel.UNKNOWN, MessageKind.TEXT, null, null,
                request.languageHint(), request.text(), List.of(), Instant.now(), null, null));
    }
}
