package io.casedesk.odoo.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connector's state in PostgreSQL (plain JDBC: a few narrow tables, written in batches): watermarks, the
 * records written into case-service, the sync runs and the chatter outbox. Every method is its own transaction.
 */
@ApplicationScoped
public class SyncStore {

    /** What was last written into case-service for one Odoo record. */
    public record Synced(String model, long odooId, String key, String hash, Long partnerId, boolean open,
            String writeDate) {
    }

    /** One turn to write into the chatter. */
    public record OutboxEntry(long id, String eventId, String conversationId, String kind, String targetModel,
            Long targetId, String messageId, String body, int attempts) {
    }

    private final AgroalDataSource dataSource;

    public SyncStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // --- watermarks ----------------------------------------------------------------------------------------

    public Optional<String> watermark(String stream) {
        return query("select watermark from sync_watermarks where stream = ?", ps -> ps.setString(1, stream),
                rs -> rs.getString(1)).stream().findFirst();
    }

    public void saveWatermark(String stream, String watermark) {
        update("insert into sync_watermarks (stream, watermark) values (?, ?) on conflict (stream) do update "
                + "set watermark = excluded.watermark, updated_at = now()", ps -> {
                    ps.setString(1, stream);
                    ps.setString(2, watermark);
                });
    }

    // --- synced records ------------------------------------------------------------------------------------

    public Map<Long, Synced> synced(String model, Collection<Long> ids) {
        Map<Long, Synced> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        query("select model, odoo_id, casedesk_key, content_hash, partner_id, open, odoo_write_date "
                        + "from synced_records where model = ? and odoo_id = any (?)",
                ps -> {
                    ps.setString(1, model);
                    ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
                }, SyncStore::synced).forEach(s -> found.put(s.odooId(), s));
        return found;
    }

    public Map<Long, Synced> allSynced(String model) {
        Map<Long, Synced> found = new HashMap<>();
        query("select model, odoo_id, casedesk_key, content_hash, partner_id, open, odoo_write_date "
                + "from synced_records where model = ?", ps -> ps.setString(1, model), SyncStore::synced)
                .forEach(s -> found.put(s.odooId(), s));
        return found;
    }

    public List<Synced> byKeys(String model, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return query("select model, odoo_id, casedesk_key, content_hash, partner_id, open, odoo_write_date "
                        + "from synced_records where model = ? and casedesk_key = any (?)",
                ps -> {
                    ps.setString(1, model);
                    ps.setArray(2, ps.getConnection().createArrayOf("text", keys.toArray()));
                }, SyncStore::synced);
    }

    public void forgetCasesOf(String caseModel, long partnerId) {
        update("delete from synced_records where model = ? and partner_id = ?", ps -> {
            ps.setString(1, caseModel);
            ps.setLong(2, partnerId);
        });
    }

    public Map<String, Long> syncedCounts() {
        Map<String, Long> counts = new HashMap<>();
        query("select model, count(*) from synced_records group by model", ps -> {
        }, rs -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public Map<String, String> watermarks() {
        Map<String, String> marks = new HashMap<>();
        query("select stream, watermark from sync_watermarks", ps -> {
        }, rs -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> marks.put(e.getKey(), e.getValue()));
        return marks;
    }

    public Optional<Synced> byKey(String model, String key) {
        return query("select model, odoo_id, casedesk_key, content_hash, partner_id, open, odoo_write_date "
                        + "from synced_records where model = ? and casedesk_key = ? order by synced_at desc limit 1",
                ps -> {
                    ps.setString(1, model);
                    ps.setString(2, key);
                }, SyncStore::synced).stream().findFirst();
    }

    /** The cases of a partner, open ones first, most recently changed first. */
    public List<Synced> casesOf(String caseModel, long partnerId) {
        return query("select model, odoo_id, casedesk_key, content_hash, partner_id, open, odoo_write_date "
                        + "from synced_records where model = ? and partner_id = ? "
                        + "order by open desc, odoo_write_date desc nulls last, odoo_id desc",
                ps -> {
                    ps.setString(1, caseModel);
                    ps.setLong(2, partnerId);
                }, SyncStore::synced);
    }

    public void saveSynced(List<Synced> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch("insert into synced_records (model, odoo_id, casedesk_key, content_hash, partner_id, open, "
                + "odoo_write_date) values (?, ?, ?, ?, ?, ?, ?) on conflict (model, odoo_id) do update set "
                + "casedesk_key = excluded.casedesk_key, content_hash = excluded.content_hash, "
                + "partner_id = excluded.partner_id, open = excluded.open, odoo_write_date = excluded.odoo_write_date, "
                + "synced_at = now()", rows, (ps, row) -> {
                    ps.setString(1, row.model());
                    ps.setLong(2, row.odooId());
                    ps.setString(3, row.key());
                    ps.setString(4, row.hash());
                    if (row.partnerId() == null) {
                        ps.setNull(5, Types.BIGINT);
                    } else {
                        ps.setLong(5, row.partnerId());
                    }
                    ps.setBoolean(6, row.open());
                    ps.setString(7, row.writeDate());
                });
    }

    public void forget(String model, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        update("delete from synced_records where model = ? and odoo_id = any (?)", ps -> {
            ps.setString(1, model);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
        });
    }

    public void recordRun(SyncRun run) {
        update("insert into sync_runs (kind, started_at, finished_at, outcome, records_read, records_changed, "
                + "records_deleted, records_failed, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, run.kind());
                    ps.setTimestamp(2, Timestamp.from(run.startedAt()));
                    ps.setTimestamp(3, Timestamp.from(run.finishedAt()));
                    ps.setString(4, run.outcome());
                    ps.setInt(5, run.read());
                    ps.setInt(6, run.changed());
                    ps.setInt(7, run.deleted());
                    ps.setInt(8, run.failed());
                    ps.setString(9, run.error());
                });
    }

    /** The last run that succeeded, from earlier lives of the service too. */
    public Optional<Instant> lastSuccessfulRun() {
        return query("select max(finished_at) from sync_runs where outcome = 'succeeded'", ps -> {
        }, rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    // --- chatter outbox ------------------------------------------------------------------------------------

    /** Stores a turn to post; false when its event id was stored before (a redelivered record). */
    public boolean enqueue(String eventId, String conversationId, String kind, String targetModel, Long targetId,
            String messageId, String body, Instant occurredAt) {
        return update("insert into chatter_outbox (event_id, conversation_id, kind, state, target_model, target_id, "
                + "message_id, body, occurred_at) values (?, ?, ?, 'pending', ?, ?, ?, ?, ?) "
                + "on conflict (event_id) do nothing", ps -> {
                    ps.setString(1, eventId);
                    ps.setString(2, conversationId);
                    ps.setString(3, kind);
                    ps.setString(4, targetModel);
                    ps.setLong(5, targetId);
                    ps.setString(6, messageId);
                    ps.setString(7, body);
                    ps.setTimestamp(8, Timestamp.from(occurredAt));
                }) == 1;
    }

    /** Records a turn that is not written (and why), so a redelivery is recognised too. */
    public boolean skip(String eventId, String conversationId, String kind, String reason, Instant occurredAt) {
        return update("insert into chatter_outbox (event_id, conversation_id, kind, state, skip_reason, occurred_at) "
                + "values (?, ?, ?, 'skipped', ?, ?) on conflict (event_id) do nothing", ps -> {
                    ps.setString(1, eventId);
                    ps.setString(2, conversationId);
                    ps.setString(3, kind);
                    ps.setString(4, reason);
                    ps.setTimestamp(5, Timestamp.from(occurredAt));
                }) == 1;
    }

    public List<OutboxEntry> pending(int limit) {
        return query("select id, event_id, conversation_id, kind, target_model, target_id, message_id, body, attempts "
                + "from chatter_outbox where state = 'pending' order by id limit ?", ps -> ps.setInt(1, limit),
                rs -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
    }

    /** Counted before the post is sent, so that after a crash the next attempt looks for the message first. */
    public void markAttempt(long id) {
        update("update chatter_outbox set attempts = attempts + 1 where id = ?", ps -> ps.setLong(1, id));
    }

    public void markPosted(long id, long odooMessageId) {
        update("update chatter_outbox set state = 'posted', odoo_message_id = ?, body = null, last_error = null, "
                + "posted_at = now() where id = ?", ps -> {
                    ps.setLong(1, odooMessageId);
                    ps.setLong(2, id);
                });
    }

    public void markFailed(long id, String error) {
        update("update chatter_outbox set last_error = ? where id = ?", ps -> {
            ps.setString(1, error);
            ps.setLong(2, id);
        });
    }

    public void markSkipped(long id, String reason) {
        update("update chatter_outbox set state = 'skipped', skip_reason = ?, body = null where id = ?", ps -> {
            ps.setString(1, reason);
            ps.setLong(2, id);
        });
    }

    public Map<String, Long> outboxCounts() {
        Map<String, Long> counts = new HashMap<>();
        query("select state, count(*) from chatter_outbox group by state", ps -> {
        }, rs -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public Optional<Instant> oldestPending() {
        return query("select min(created_at) from chatter_outbox where state = 'pending'", ps -> {
        }, rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public int forgetFinishedBefore(Instant cutoff) {
        return update("delete from chatter_outbox where state <> 'pending' and created_at < ?",
                ps -> ps.setTimestamp(1, Timestamp.from(cutoff)));
    }

    // --- JDBC --------------------------------------------------------------------------------------------------

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static Synced synced(ResultSet rs) throws SQLException {
        long partner = rs.getLong(5);
        return new Synced(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.wasNull() ? null : partner, rs.getBoolean(6), rs.getString(7));
    }

    private <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Database query failed: " + e.getSQLState(), e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Database update failed: " + e.getSQLState(), e);
        }
    }

    private <T> void batch(String sql, List<T> rows, RowBinder<T> binder) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database batch failed: " + e.getSQLState(), e);
        }
    }
}
