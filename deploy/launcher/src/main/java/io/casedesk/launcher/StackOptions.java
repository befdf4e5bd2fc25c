package io.casedesk.launcher;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * What {@code ./casedesk up} starts besides the services themselves.
 *
 * @param bundle the firm imported once the stack is healthy, whose customers are also the LINE simulator's users;
 *               {@code null} imports nothing
 * @param odoo   also the Odoo stand-in holding the firm as Odoo records, and the odoo-connector
 * @param clock  the business time every service starts at and runs on from ({@code casedesk.clock.start}), so that a
 *               firm's records written for a date are answered as on that date; {@code null} for the real time
 */
record StackOptions(Path bundle, boolean odoo, OffsetDateTime clock) {

    /** The demo firm, real time, no Odoo. */
    static StackOptions demo(Path repository) {
        return new StackOptions(Casedesk.demoBundle(repository), false, null);
    }
}
