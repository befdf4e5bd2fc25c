package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.CustomerCasesView;
import io.casedesk.cases.view.IdentityView;
import io.casedesk.cases.model.IdentityChannel;
import io.casedesk.cases.service.CustomerDirectory;
import io.casedesk.cases.service.IdentityCaseLookup;
import io.casedesk.cases.service.IdentityLinking;
import io.casedesk.cases.service.IdentityLinking.CodeRequestOutcome;
import io.casedesk.cases.service.IdentityLinking.LinkOutcome;
import io.casedesk.cases.service.IdentityLinking.Proof;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

@Path("/api/v1/identities/{channel}/{externalId}")
@Tag(name = "identities")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    private static final int TOO_MANY_REQUESTS = 429;

    private final CustomerDirectory directory;
    private final IdentityLinking linking;
    private final IdentityCaseLookup caseLookup;

    public IdentityResource(CustomerDirectory directory, IdentityLinking linking, IdentityCaseLookup caseLookup) {
        this.directory = directory;
        this.linking = linking;
        this.caseLookup = caseLookup;
    }

    @GET
    @RolesAllowed(ServiceRole.READ_IDENTITY)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_IDENTITY)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_IDENTITY,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "resolveIdentity", summary = "The customer behind a LINE user id or email address")
    @APIResponse(responseCode = "200", description = "Known identity; verified tells whether case facts may be shared")
    @APIResponse(responseCode = "404", description = "Unknown identity")
    public IdentityView resolve(
            @Parameter(description = "line or email") @PathParam("channel") String channel,
            @Parameter(description = "LINE user id, or email address (any case)") @PathParam("externalId") String externalId) {
        return directory.resolveIdentity(channel, externalId).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/customer")
    @RolesAllowed(ServiceRole.READ_CASES)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_CASES)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_CASES,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "customerWithCases",
            summary = "The customer behind a LINE user id or email address, with their cases, in one call",
            description = "What GET on the identity answers, plus cases: that customer's own cases, open ones first, "
                    + "then by next step date and case number, as the customer's case list shows them. An "
                    + "unverified identity gets no cases (an empty list) until it is linked.")
    @APIResponse(responseCode = "200", description = "Known identity, with the customer's cases when it is verified")
    @APIResponse(responseCode = "400", description = "scope is neither open nor all",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown identity or channel",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public CustomerCasesView customerWithCases(
            @Parameter(description = "line or email") @PathParam("channel") String channel,
            @Parameter(description = "LINE user id, or email address (any case)") @PathParam("externalId") String externalId,
            @Parameter(description = CaseScope.DESCRIPTION) @QueryParam("scope") @DefaultValue(CaseScope.DEFAULT) String scope) {
        boolean includeClosed = CaseScope.includesClosed(scope);
        return caseLookup.customerWithCases(channelOf(channel), externalId, includeClosed)
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRole.LINK)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.LINK)
    @Operation(operationId = "linkIdentity", summary = "Link the identity to the customer of a case",
            description = "With the case number and either the customer's verification secret or the one-time code "
                    + "sent by code-request, the identity becomes a verified identity of that customer. A wrong "
                    + "secret or code and an unknown case number get the same answer. Too many unsuccessful "
                    + "attempts lock out the identity, the case number (whichever identity tries) or, for guesses "
                    + "sprayed over many case numbers, every link, each further lockout of a day twice as long.")
    @APIResponse(responseCode = "200", description = "Linked and verified: the identity as GET answers it")
    @APIResponse(responseCode = "400", description = "No case number, or not exactly one of secret and code",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "verification_failed: wrong secret or code, expired code, or "
            + "unknown case number; forbidden: the key lacks the role " + ServiceRole.LINK,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown channel")
    @APIResponse(responseCode = "409", description = "The identity is a verified identity of another customer",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "too_many_attempts: locked out; Retry-After gives the seconds left",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public Response link(@Parameter(description = "line or email") @PathParam("channel") String channel,
            @PathParam("externalId") String externalId, LinkRequest request) {
        IdentityChannel identityChannel = channelOf(channel);
        if (request == null || isBlank(request.caseNumber()) || isBlank(request.secret()) == isBlank(request.code())) {
            throw new BadRequestException("caseNumber and exactly one of secret and code are required");
        }
        Proof proof = isBlank(request.secret()) ? new Proof.OneTimeCode(request.code().trim())
                : new Proof.Secret(request.secret());
        LinkOutcome outcome = linking.link(identityChannel, externalId, request.caseNumber().trim(), proof);
        if (outcome instanceof LinkOutcome.Linked linked) {
            return Response.ok(linked.identity()).build();
        }
        if (outcome instanceof LinkOutcome.HeldByAnotherCustomer) {
            return ApiError.of(Response.Status.CONFLICT, "identity_held_by_another_customer",
                    "This identity is already a verified identity of another customer").response().build();
        }
        if (outcome instanceof LinkOutcome.LockedOut locked) {
            return tooManyAttempts(locked.retryAfter());
        }
        return ApiError.of(Response.Status.FORBIDDEN, "verification_failed", "The case number and secret or code do not match")
                .response().build();
    }

    @POST
    @Path("/link/code-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRole.LINK)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.LINK)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.LINK,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "requestLinkCode",
            summary = "Send a one-time link code to the registered email address of a case's customer",
            description = "The code has 6 digits and replaces any earlier code of this identity. The answer is "
                    + "the same whether or not the case number is known and the customer has an email address. "
                    + "Each request counts towards the identity's lockout, like an unsuccessful link, and a case "
                    + "number gets only a few code mails a day, whoever asks (429 after that).")
    @APIResponse(responseCode = "202", description = "Accepted: a code was sent if the case number is known")
    @APIResponse(responseCode = "400", description = "No case number",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown channel")
    @APIResponse(responseCode = "429", description = "too_many_attempts: locked out, or the case number's code mails "
            + "for the day are used up; Retry-After gives the seconds left",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public Response requestCode(@Parameter(description = "line or email") @PathParam("channel") String channel,
            @PathParam("externalId") String externalId, LinkCodeRequest request) {
        IdentityChannel identityChannel = channelOf(channel);
        if (request == null || isBlank(request.caseNumber())) {
            throw new BadRequestException("caseNumber is required");
        }
        CodeRequestOutcome outcome = linking.requestCode(identityChannel, externalId, request.caseNumber().trim());
        if (outcome instanceof CodeRequestOutcome.LockedOut locked) {
            return tooManyAttempts(locked.retryAfter());
        }
        var accepted = (CodeRequestOutcome.Accepted) outcome;
        return Response.accepted(new LinkCodeRequestAnswer("accepted", accepted.codeValidity().toSeconds())).build();
    }

    private static IdentityChannel channelOf(String channel) {
        return IdentityChannel.fromWireName(channel).orElseThrow(NotFoundException::new);
    }

    private static Response tooManyAttempts(Duration retryAfter) {
        // Whole seconds, rounded up, so a client that waits exactly that long is let in.
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ApiError.of(TOO_MANY_REQUESTS, "too_many_attempts", "Too many attempts; try again later", null).response()
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
