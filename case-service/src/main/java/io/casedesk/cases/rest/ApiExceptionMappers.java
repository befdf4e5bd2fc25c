package io.casedesk.cases.rest;

import io.casedesk.cases.bundle.InvalidBundleException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the API's exceptions into JSON error bodies. */
public class ApiExceptionMappers {

    private static final int UNPROCESSABLE_CONTENT = 422;

    /** Unknown resources, unknown paths and other customers' cases all look the same. */
    @ServerExceptionMapper
    public RestResponse<ApiError> notFound(NotFoundException e) {
        return RestResponse.status(RestResponse.Status.NOT_FOUND, ApiError.NOT_FOUND);
    }

    /** A known service calling a route outside its roles. */
    @ServerExceptionMapper
    public RestResponse<ApiError> forbidden(ForbiddenException e) {
        return RestResponse.status(RestResponse.Status.FORBIDDEN,
                ApiError.withMessage("forbidden", "This service's key does not have the role this route needs"));
    }

    /** Only without a security context, which the service key filter always sets: the same answer as there. */
    @ServerExceptionMapper
    public RestResponse<ApiError> unauthorized(UnauthorizedException e) {
        return RestResponse.ResponseBuilder.<ApiError>create(RestResponse.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(ApiError.UNAUTHORIZED).build();
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> badRequest(BadRequestException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, ApiError.withMessage("bad_request", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> invalidBundle(InvalidBundleException e) {
        return RestResponse.ResponseBuilder.<ApiError>create(UNPROCESSABLE_CONTENT)
                .entity(new ApiError("invalid_bundle", e.getMessage(), e.problems()))
                .build();
    }
}
