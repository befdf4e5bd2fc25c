package io.casedesk.odoo.rest;

import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.service.ChatterWriter;
import io.casedesk.odoo.service.SyncService;
import io.casedesk.odoo.service.SyncStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

@Path("/api/v1/sync")
@Tag(name = "sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncService sync;
    private final SyncStore store;
    private final ChatterWriter chatter;
    private final OdooClient odoo;

    public SyncResource(SyncService sync, SyncStore store, ChatterWriter chatter, OdooClient odoo) {
        this.sync = sync;
        this.store = store;
        this.chatter = chatter;
        this.odoo = odoo;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Where the sync stands",
            description = "The run in progress, the last run with its counts, the last success, the watermarks, the "
                    + "records synced per model and the chatter outbox.")
    public Map<String, Object> status() {
        SyncService.State state = sync.state();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("odoo", odoo.describe());
        status.put("health", SyncHealth.classify(state, sync.config().sync().downAfter()).name().toLowerCase());
        status.put("running", state.running());
        if (state.running()) {
            status.put("current", Map.of("kind", String.valueOf(state.currentKind()),
                    "startedAt", String.valueOf(state.currentStartedAt())));
        }
        status.put("lastRun", state.lastRun());
        status.put("lastSuccessAt", state.lastSuccessAt());
        status.put("consecutiveFailures", state.consecutiveFailures());
        status.put("watermarks", store.watermarks());
        status.put("synced", store.syncedCounts());
        Map<String, Object> writeBack = new LinkedHashMap<>(store.outboxCounts());
        store.oldestPending().ifPresent(at -> writeBack.put("oldestPendingSince", at));
        if (chatter.lastError() != null) {
            writeBack.put("lastError", chatter.lastError());
        }
        status.put("chatter", writeBack);
        return status;
    }

    @POST
    @Path("/full")
    @Operation(summary = "Start a full resync",
            description = "Reads every mapped record from Odoo; unchanged ones are not written again unless force=true. "
                    + "Runs after the run in progress; 202 at once.")
    public Response full(@QueryParam("force") @DefaultValue("false") boolean force) {
        sync.request(SyncService.Kind.FULL, force);
        return Response.accepted(Map.of("status", "accepted", "kind", "full", "force", force)).build();
    }

    @POST
    @Path("/incremental")
    @Operation(summary = "Start an incremental run now", description = "As the schedule does; 202 at once.")
    public Response incremental() {
        sync.request(SyncService.Kind.INCREMENTAL, false);
        return Response.accepted(Map.of("status", "accepted", "kind", "incremental")).build();
    }
}
