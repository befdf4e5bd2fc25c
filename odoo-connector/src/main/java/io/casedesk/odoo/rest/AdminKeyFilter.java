package io.casedesk.odoo.rest;

import io.casedesk.odoo.config.AdminKeys;
import io.casedesk.schema.security.KeyDigests;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * Every API request must carry {@code Authorization: Bearer <key>} with one of {@code casedesk.odoo.admin-keys},
 * as case-service asks of its callers; without any configured key every request is refused. {@code /q/health},
 * {@code /q/metrics} and {@code /q/openapi} are not JAX-RS resources and stay open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminKeyFilter implements ContainerRequestFilter {

    private final AdminKeys keys;

    public AdminKeyFilter(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!KeyDigests.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)).filter(keys::isKnown).isPresent()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "unauthorized"))
                    .build());
        }
    }
}
