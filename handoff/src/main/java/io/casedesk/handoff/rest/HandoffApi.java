package io.casedesk.handoff.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI description of handoff's API (served at {@code /q/openapi}): the agent inbox's and the helpdesk
 * connector's, with how each authenticates. Errors are RFC 9457 problem details ({@link ProblemResponses}).
 */
@OpenAPIDefinition(info = @Info(title = "CaseDesk handoff", version = "v1",
        description = "Tickets of conversations handed to people: the agent inbox's API, and the endpoint an external "
                + "helpdesk posts its agents' answers and closes to. Errors are RFC 9457 problem details "
                + "(application/problem+json) whose error member names the problem."))
@SecurityScheme(securitySchemeName = HandoffApi.INBOX_SESSION, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.COOKIE, apiKeyName = "casedesk-inbox",
        description = "The inbox session: sign in at /inbox/login.html (form sign-in posting to /j_security_check), "
                + "or through OIDC in production. Roles agent and supervisor.")
@SecurityScheme(securitySchemeName = HandoffApi.HELPDESK_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The helpdesk's key, configured as casedesk.handoff.helpdesk.inbound-key (HELPDESK_INBOUND_KEY)")
public class HandoffApi extends Application {

    static final String INBOX_SESSION = "inbox-session";
    /** What the inbox's operations answer without a session. */
    static final String NOT_SIGNED_IN = "Not signed in: the sign-in sends the client to /inbox/login.html "
            + "(or, with OIDC, to the provider)";
    /** What the inbox's operations answer a user without the role. */
    static final String FORBIDDEN = "forbidden: signed in without the role agent, or supervisor where the operation "
            + "says so";
    static final String HELPDESK_KEY = "helpdesk-key";
}
