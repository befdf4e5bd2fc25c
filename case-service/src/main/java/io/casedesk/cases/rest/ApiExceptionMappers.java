package io.casedesk.cases.rest;

import io.casedesk.cases.mapping.InvalidBundleException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
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
