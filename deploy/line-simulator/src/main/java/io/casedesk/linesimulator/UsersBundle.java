package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator takes from an import bundle (DESIGN §7, e.g. {@code lawfirm-demo.json}): the firm's name,
 * shown as the bot's, and the customers that have a LINE user id.
 */
record UsersBundle(String firmName, List<SimulatedUser> users) {

    static UsersBundle read(Path bundle) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bundle.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users bundle " + bundle, e);
        }
        List<SimulatedUser> users = new ArrayList<>();
        for (JsonNode customer : root.path("customers")) {
            String lineUserId = Json.text(customer, "lineUserId");
            if (lineUserId != null) {
                users.add(new SimulatedUser(lineUserId, Json.text(customer, "name"), Json.text(customer, "language"),
                        Json.text(customer, "ref")));
            }
        }
        return new UsersBundle(Json.text(root.path("firm"), "name"), List.copyOf(users));
    }
}
