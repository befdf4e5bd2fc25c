package io.casedesk.cases.rest;

import io.casedesk.cases.config.ServiceKeys;
import io.casedesk.schema.security.KeyDigests;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Optional;

/**
 * Every API request must carry {@code Authorization: Bearer <key>} with the key of one of the configured calling
 * services, else {@code 401}. Runs before matching, so unknown paths cannot be probed either. The caller becomes
 * the request's security context: each route's {@code @RolesAllowed} then lets in only services holding its role
 * ({@code 403} otherwise, {@link ApiExceptionMappers}). Health, metrics and OpenAPI under {@code /q} are not
 * JAX-RS resources and stay open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ServiceKeyFilter implements ContainerRequestFilter {

    private final ServiceKeys serviceKeys;

    public ServiceKeyFilter(ServiceKeys serviceKeys) {
        this.serviceKeys = serviceKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<ServiceKeys.Caller> caller = KeyDigests.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(serviceKeys::callerOf);
        if (caller.isEmpty()) {
            request.abortWith(ApiExceptionMappers.unauthorized());
            return;
        }
        request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
    }

    private record CallerContext(ServiceKeys.Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller::service;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
