package io.casedesk.odoo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes into case-service: bundles of customers, cases and articles through {@code POST /api/v1/import}, and
 * removals of single records. A rejected bundle ({@code 422}) is reported with its problems so the caller can
 * leave out the records they name; case-service unreachable or failing is a {@link Unavailable}.
 */
@ApplicationScoped
public class CaseService {

    /** case-service could not be reached or failed; nothing of the call may be assumed written. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** A bundle case-service refused, with the JSON paths of its problems ({@code $.cases[3].openedAt}). */
    public static final class Rejected extends RuntimeException {
        private final List<String> paths;

        Rejected(List<String> paths) {
            super("case-service rejected the bundle: " + paths.size() + " problem(s)");
            this.paths = paths;
        }

        public List<String> paths() {
            return paths;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseServiceApi api;
    private final String authorization;

    public CaseService(@RestClient CaseServiceApi api, @ConfigProperty(name = "casedesk.case-service.key") String key) {
        this.api = api;
        this.authorization = "Bearer " + key;
    }

    /** Imports a bundle; the answer is case-service's summary (created, updated, unchanged). */
    public JsonNode importBundle(JsonNode bundle) {
        try (Response response = api.importBundle(authorization, bundle)) {
            if (response.getStatus() == 200) {
                return response.readEntity(JsonNode.class);
            }
            if (response.getStatus() == 422) {
                // Problem details (application/problem+json): read as text, whatever readers the client has for it.
                JsonNode body = JSON.readTree(response.readEntity(String.class));
                List<String> paths = new ArrayList<>();
                body.path("problems").forEach(p -> paths.add(p.path("path").asText()));
                throw new Rejected(paths);
            }
            throw new Unavailable("case-service answered the import with HTTP " + response.getStatus());
        } catch (ProcessingException e) {
            throw new Unavailable("case-service is unreachable: " + e.getClass().getSimpleName());
        } catch (JsonProcessingException e) {
            throw new Unavailable("case-service answered the import with a body that is not JSON");
        }
    }

    /** Removes a customer with their identities and cases; true when there was one. */
    public boolean deleteCustomer(String ref) {
        return delete(() -> api.deleteCustomer(authorization, ref), "customer");
    }

    public boolean deleteCase(String number) {
        return delete(() -> api.deleteCase(authorization, number), "case");
    }

    private boolean delete(java.util.function.Supplier<Response> call, String what) {
        try (Response response = call.get()) {
            return switch (response.getStatus()) {
                case 204, 200 -> true;
                case 404 -> false;
                default -> throw new Unavailable("case-service answered the " + what + " removal with HTTP "
                        + response.getStatus());
            };
        } catch (ProcessingException e) {
            throw new Unavailable("case-service is unreachable: " + e.getClass().getSimpleName());
        }
    }

    static Optional<Integer> indexIn(String path, String list) {
        String prefix = "$." + list + "[";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = path.indexOf(']', prefix.length());
        try {
            return Optional.of(Integer.parseInt(path.substring(prefix.length(), end)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The indexes of the entries of {@code list} ({@code customers}, {@code cases}, {@code articles}) a rejection names. */
    public static java.util.Set<Integer> rejectedIndexes(Rejected rejected, String list) {
        java.util.Set<Integer> indexes = new java.util.TreeSet<>();
        rejected.paths().forEach(path -> indexIn(path, list).ifPresent(indexes::add));
        return indexes;
    }
}
