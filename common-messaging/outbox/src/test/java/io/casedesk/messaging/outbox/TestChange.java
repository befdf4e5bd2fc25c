package io.casedesk.messaging.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A state change of the test application, whose event goes through the outbox with it. */
@Entity
@Table(name = "test_changes")
public class TestChange {

    @Id
    public String id;
    public String note;

    public static TestChange of(String id, String note) {
        TestChange change = new TestChange();
        change.id = id;
        change.note = note;
        return change;
    }
}
