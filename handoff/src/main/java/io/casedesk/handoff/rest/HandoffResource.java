package io.casedesk.handoff.rest;

import io.casedesk.handoff.service.HandoffEntry;
import io.casedesk.handoff.service.HandoffInbox;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The agents' view of recent handoffs, newest first. */
@Path("/api/v1/handoffs")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {

    private final HandoffInbox inbox;

    HandoffResource(HandoffInbox inbox) {
        this.inbox = inbox;
    }

    @GET
    public List<HandoffEntry> recent() {
        return inbox.recent();
    }
}
