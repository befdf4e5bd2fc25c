package io.casedesk.cases.rest;

import jakarta.ws.rs.BadRequestException;

/** The page parameters every paged endpoint accepts. */
final class Paging {

    static final int MAX_PAGE_SIZE = 100;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be 0 or more and size from 1 to " + MAX_PAGE_SIZE);
        }
    }
}
