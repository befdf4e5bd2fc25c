package io.casedesk.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.casedesk.cases.bundle.BundleProblem;

import java.util.List;

/**
 * The body of every error response, e.g. {@code {"error":"not_found"}}.
 *
 * @param error    machine-readable code
 * @param message  for humans, when there is more to say
 * @param problems for a rejected import bundle: every problem found
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, List<BundleProblem> problems) {

    public static final ApiError NOT_FOUND = new ApiError("not_found", null, null);
    public static final ApiError UNAUTHORIZED = new ApiError("unauthorized", null, null);

    public static ApiError withMessage(String error, String message) {
        return new ApiError(error, message, null);
    }
}
