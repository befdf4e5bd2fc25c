package io.casedesk.handoff.support;

import io.casedesk.handoff.service.AgentPresence;
import io.casedesk.handoff.service.FirmCalendar;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationState;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What the handoff integration tests share: the real broker, signed-in agents, the test clock set to a
 * Monday morning in Taipei, and an empty ticket store before each test.
 */
public abstract class HandoffTestBase {

    protected static Broker broker;

    @Inject
    protected TestClock clock;
    @Inject
    protected AgentPresence presence;
    @Inject
    protected FirmCalendar calendar;
    @Inject
    protected DataSource dataSource;

    private final List<String> online = new ArrayList<>();

    @BeforeAll
    static void connectBroker() {
        broker = new Broker();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @BeforeEach
    void freshStore() {
        clock.jumpTo(TestClock.MONDAY_MORNING);
        calendar.refresh();
        sql("truncate tickets, ticket_messages, conversation_controls, conversation_days, recent_turns restart identity cascade");
    }

    @AfterEach
    void offline() {
        online.forEach(presence::disconnected);
        online.clear();
    }

    /** Puts the agent online, as an open inbox does. */
    protected void online(String agent) {
        presence.connected(agent);
        online.add(agent);
    }

    /** A LINE customer's request for a person, assigned to {@code agent} (who is put online); the ticket id. */
    protected String assignedTicket(String user, String agent) {
        online(agent);
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(user, "我要找人", clock.instant()));
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);
        awaitTicket(ticketId, t -> agent.equals(t.getString("ticket.agent")));
        return ticketId;
    }

    /** The agent answers through the inbox; the answer must be accepted. */
    protected static InboxSession reply(String agent, String ticketId, String text) {
        InboxSession session = InboxSession.signIn(agent);
        session.json(java.util.Map.of("text", text)).post("/api/v1/inbox/tickets/" + ticketId + "/reply")
                .then().statusCode(200);
        return session;
    }

    protected static String ticketIdOf(Envelope<HandoffRequest> request) {
        return EventIds.derive(request.eventId(), "ticket");
    }

    /** The ticket as the supervisor's inbox shows it, once {@code ready} holds. */
    protected JsonPath awaitTicket(String ticketId, Predicate<JsonPath> ready) {
        InboxSession supervisor = InboxSession.signIn("supervisor");
        JsonPath[] last = new JsonPath[1];
        await().atMost(Broker.TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = supervisor.request().get("/api/v1/inbox/tickets/" + ticketId);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return ready.test(last[0]);
        });
        return last[0];
    }

    protected JsonPath awaitTicket(String ticketId) {
        return awaitTicket(ticketId, t -> true);
    }

    protected Envelope<ConversationState> awaitState(String conversationId, ConversationMode mode, String reason) {
        return broker.await(Topics.CONVERSATION_STATE, conversationId, ConversationState.class,
                s -> s.mode() == mode && reason.equals(s.reason()));
    }

    /** The state event of the ticket opened by {@code request} (the conversation may have older ones). */
    protected Envelope<ConversationState> awaitState(Envelope<HandoffRequest> request, ConversationMode mode, String reason) {
        return broker.awaitEvent(Topics.CONVERSATION_STATE, request.conversationId(),
                e -> request.eventId().equals(e.causationId()) && e.payload() instanceof ConversationState s
                        && s.mode() == mode && reason.equals(s.reason())).as(ConversationState.class);
    }

    /**
     * Runs a statement; one that PostgreSQL picked as a deadlock's victim (a truncate against the service's own scheduled
     * work, which locks the tables in another order) was rolled back and is run again.
     */
    protected void sql(String statement) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
                st.execute(statement);
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 3) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The first column of every row the query returns, as text. */
    protected List<String> texts(String query) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             var rows = st.executeQuery(query)) {
            List<String> texts = new ArrayList<>();
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long count(String query) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             var rows = st.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
