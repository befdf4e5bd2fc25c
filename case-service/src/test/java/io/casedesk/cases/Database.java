package io.casedesk.cases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct SQL for tests: what is really stored, independent of the code under test. */
public final class Database {

    /** The tables an import writes. */
    public static final List<String> IMPORTED_TABLES =
            List.of("firm_settings", "customers", "channel_identities", "cases", "case_history", "articles");

    private final DataSource dataSource;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public List<String> strings(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per imported table: row count and a digest of every row, to show that nothing at all changed. */
    public Map<String, String> importedContent() {
        Map<String, String> content = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : IMPORTED_TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "order by t::text)), '') from " + table + " t")) {
                    rows.next();
                    content.put(table, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return content;
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void truncateAll() {
        execute("truncate " + String.join(", ", IMPORTED_TABLES) + ", conversation_turns, identity_link_codes, "
                + "link_guards, outbox_events, retention_runs, article_revisions restart identity");
    }
}
