package io.casedesk.cases.rest;

import io.casedesk.cases.bundle.InvalidBundleException;
import io.casedesk.cases.service.InvalidArticleException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the API's exceptions into problem details ({@link ApiError}). */
public class ApiExceptionMappers {

    private static final int UNPROCESSABLE_CONTENT = 422;

    /** Unknown resources, unknown paths and other customers' cases all look the same. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiError.of(Response.Status.NOT_FOUND, "not_found", null).response().build();
    }

    /** A known service calling a route outside its roles. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.of(Response.Status.FORBIDDEN, "forbidden",
                "This service's key does not have the role this route needs").response().build();
    }

    /** Only without a security context, which the service key filter always sets: the same answer as there. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return ApiError.of(Response.Status.BAD_REQUEST, "bad_request", e.getMessage()).response().build();
    }

    @ServerExceptionMapper
    public Response invalidBundle(InvalidBundleException e) {
        return ApiError.of(UNPROCESSABLE_CONTENT, "invalid_bundle", e.getMessage(), e.problems()).response().build();
    }

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        return ApiError.of(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_article", e.getMessage(),
                e.problems()).response().build();
    }

    /** A request without a valid service key. */
    static Response unauthorized() {
        return ApiError.of(Response.Status.UNAUTHORIZED, "unauthorized", null).response()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
