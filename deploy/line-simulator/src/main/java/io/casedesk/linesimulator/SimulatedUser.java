package io.casedesk.linesimulator;

import java.nio.file.Path;
import java.util.List;

/**
 * A LINE user the simulator knows: what {@code GET /v2/bot/profile/{userId}} answers for them.
 *
 * @param customerRef the firm's customer reference, so people can write {@code "customerRef": "C-1001"}; may be {@code null}
 */
public record SimulatedUser(String userId, String displayName, String language, String customerRef) {

    /**
     * The customers of an import bundle (DESIGN §7, e.g. {@code lawfirm-demo.json}) that have a LINE user id:
     * {@code lineUserId} becomes the user id, {@code name} the display name.
     */
    public static List<SimulatedUser> fromBundle(Path bundle) {
        return UsersBundle.read(bundle).users();
    }
}
