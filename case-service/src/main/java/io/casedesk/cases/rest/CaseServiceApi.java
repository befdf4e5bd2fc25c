package io.casedesk.cases.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description of the API (served at {@code /q/openapi}), including how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "CaseDesk case-service", version = "v1",
                description = "Customers, channel identities, cases, knowledge base and conversation history."),
        security = @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY))
@SecurityScheme(securitySchemeName = CaseServiceApi.SERVICE_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The calling service's key, configured as casedesk.auth.service-keys.<service>")
public class CaseServiceApi extends Application {

    static final String SERVICE_KEY = "service-key";
}
