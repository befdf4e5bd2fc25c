package io.casedesk.cases.config;

import java.util.Set;

/**
 * What a calling service may do, one role per kind of route; a key holds only the roles its service uses
 * (configured in {@code casedesk.auth.services.<service>.roles}). A route needs exactly one role.
 */
public final class ServiceRole {

    /** {@code GET /identities/{channel}/{id}}: who is behind a LINE id or email address. */
    public static final String READ_IDENTITY = "read-identity";
    /** {@code GET /identities/.../customer}, {@code GET /customers/{ref}/cases...}: a customer's case facts. */
    public static final String READ_CASES = "read-cases";
    /** {@code GET /articles...} (with an article's revisions), {@code GET /firm}: the knowledge base and the firm's public settings. */
    public static final String READ_KB = "read-kb";
    /**
     * {@code PUT /articles/{id}}: publishes an article a supervisor approved in the agent inbox; answers use it at
     * once.
     */
    public static final String PUBLISH_KB = "publish-kb";
    /** {@code GET .../conversation-turns}, {@code GET /conversations/{id}/turns}: conversation history. */
    public static final String READ_HISTORY = "read-history";
    /** {@code POST /identities/.../link} and {@code .../link/code-request}: linking identities to customers. */
    public static final String LINK = "link";
    /** {@code POST /import}: rewrites customers, identities, secrets and cases. */
    public static final String IMPORT = "import";
    /** {@code GET /retention}: the retention job's settings and last run. */
    public static final String RETENTION = "retention";

    public static final Set<String> ALL = Set.of(READ_IDENTITY, READ_CASES, READ_KB, PUBLISH_KB, READ_HISTORY, LINK,
            IMPORT, RETENTION);

    private ServiceRole() {
    }
}
