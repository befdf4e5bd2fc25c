package io.casedesk.cases.service;

import io.casedesk.cases.view.CaseView;
import io.casedesk.cases.view.CustomerCasesView;
import io.casedesk.cases.model.IdentityChannel;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responder's lookup for every message: the customer behind a channel identity with their cases, read with
 * one SQL statement (one round trip) straight into the views. It is the hottest read of the service, so it skips
 * Hibernate: no entities to hydrate, no persistence context, no dirty checking, no transaction.
 * <p>
 * The cases are joined only when the identity is verified, so an unverified identity never carries case facts
 * out of the database. The order is {@code CustomerCase}'s: open first, then next step date, then number.
 */
@ApplicationScoped
public class IdentityCaseLookup {

    private static final String SELECT = """
            select cu.ref, cu.name, cu.language, cu.salutation::text, cu.vip, i.verified,
                   k.number, k.title, k.type, k.status, k.stage, k.assignee, k.opened_at, k.next_step_date,
                   k.next_step_description, k.outstanding_fee_amount, k.outstanding_fee_currency, k.closed_at, k.outcome
            from channel_identities i
            join customers cu on cu.id = i.customer_id
            left join cases k on k.customer_id = i.customer_id and i.verified""";
    private static final String WHERE_ORDERED = """
             where i.channel = ? and i.external_id = ?
            order by k.status = 'closed', k.next_step_date nulls last, k.number""";
    private static final String ALL_CASES = SELECT + WHERE_ORDERED;
    /** Parameters: channel, normalized external id. Public for the benchmark, which prints its plan. */
    public static final String OPEN_CASES = SELECT + " and k.status <> 'closed'" + WHERE_ORDERED;

    private final DataSource dataSource;

    public IdentityCaseLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty when nobody holds the identity; email addresses match whatever their case. */
    public Optional<CustomerCasesView> customerWithCases(IdentityChannel channel, String externalId,
                                                         boolean includeClosed) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(includeClosed ? ALL_CASES : OPEN_CASES)) {
            statement.setString(1, channel.wireName());
            statement.setString(2, channel.normalize(externalId));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the customer of an identity", e);
        }
    }

    /** The customer from the first row (every row repeats it), and one case per row that has one. */
    private static CustomerCasesView read(ResultSet rows) throws SQLException {
        String ref = rows.getString(1);
        String name = rows.getString(2);
        String language = rows.getString(3);
        String salutation = rows.getString(4);
        boolean vip = rows.getBoolean(5);
        boolean verified = rows.getBoolean(6);
        List<CaseView> cases = new ArrayList<>(2);
        do {
            String number = rows.getString(7);
            if (number != null) {
                cases.add(caseOf(rows, number));
            }
        } while (rows.next());
        return new CustomerCasesView(ref, name, language, salutation, vip, verified, cases);
    }

    private static CaseView caseOf(ResultSet rows, String number) throws SQLException {
        return CaseView.summary(number, rows.getString(8), rows.getString(9), rows.getString(10),
                rows.getString(11), rows.getString(12), rows.getObject(13, LocalDate.class),
                rows.getObject(14, LocalDate.class), rows.getString(15), rows.getBigDecimal(16), rows.getString(17),
                rows.getObject(18, LocalDate.class), rows.getString(19));
    }
}
