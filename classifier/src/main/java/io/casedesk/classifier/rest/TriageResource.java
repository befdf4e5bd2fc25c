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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Triage of a text on request, to try the engine without going through Kafka. Nothing is stored or published. For
 * holders of the API key only, and for texts no longer than a LINE message.
 */
@Path("/api/v1/triage")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    /** @param languageHint a language tag as a channel would report it, e.g. {@code zh-TW}; optional */
    public record TriageRequest(String text, String languageHint) {
    }

    private static final int CONTENT_TOO_LARGE = 413;

    private final TriageEngine engine;
    private final int maxTextLength;

    TriageResource(TriageEngine engine, TriageApiConfig config) {
        this.engine = engine;
        this.maxTextLength = config.maxTextLength();
    }

    /** Only with the API key ({@link TriageApiKeyFilter}); bodies over {@code quarkus.http.limits.max-body-size} are 413. */
    @POST
    public Triage triage(TriageRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("text is required");
        }
        if (request.text().length() > maxTextLength) {
            throw new WebApplicationException(Response.status(CONTENT_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "text_too_long", "maxLength", maxTextLength)).build());
        }
        return engine.triage(new InboundMessage(Channel.UNKNOWN, MessageKind.TEXT, null, null,
                request.languageHint(), request.text(), List.of(), Instant.now(), null, null));
    }
}
