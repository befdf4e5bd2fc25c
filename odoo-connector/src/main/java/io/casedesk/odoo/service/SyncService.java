package io.casedesk.odoo.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.odoo.client.CaseService;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.client.OdooException;
import io.casedesk.odoo.config.OdooConfig;
import io.casedesk.odoo.mapping.OdooMapping;
import io.casedesk.odoo.mapping.OdooValues;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Brings the firm's Odoo records into case-service. An incremental run reads what changed since each model's
 * {@code write_date} watermark (archived records included, which are removed from CaseDesk), the cases whose open
 * invoices changed, and compares the ids Odoo still has with those synced to find deleted records; a full run reads
 * everything. Each mapped record is written only when it differs from what was last written (a hash per record),
 * so every run is idempotent and a run with no change writes nothing. Watermarks move only when a run succeeded:
 * when Odoo or case-service fails, the run stops, case-service keeps the last good data and the next run tries
 * again from the same point.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, Object> WITH_ARCHIVED = Map.of("active_test", false);

    public enum Kind {
        INCREMENTAL, FULL;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What is going on, for the status endpoint and the health check. */
    public record State(boolean running, String currentKind, Instant currentStartedAt, SyncRun lastRun,
            Instant lastSuccessAt, int consecutiveFailures) {
    }

    private final OdooClient odoo;
    private final CaseService caseService;
    private final SyncStore store;
    private final OdooMapping mapping;
    private final OdooConfig config;
    private final SyncMetrics metrics;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService requested = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "odoo-sync-requested");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String currentKind;
    private volatile Instant currentStartedAt;
    private volatile SyncRun lastRun;
    private volatile Instant lastSuccessAt;
    private volatile int consecutiveFailures;

    public SyncService(OdooClient odoo, CaseService caseService, SyncStore store, OdooConfig config,
            SyncMetrics metrics) {
        this.odoo = odoo;
        this.caseService = caseService;
        this.store = store;
        this.config = config;
        this.mapping = new OdooMapping(config);
        this.metrics = metrics;
    }

    public OdooConfig config() {
        return config;
    }

    public OdooMapping mapping() {
        return mapping;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.odoo.sync.interval}", delayed = "${casedesk.odoo.sync.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "odoo-incremental-sync")
    void scheduled() {
        if (config.sync().enabled() && !running.isLocked()) {
            run(Kind.INCREMENTAL, false, false);
        }
    }

    /** Starts a run in the background (after the one in progress, if any). */
    public void request(Kind kind, boolean force) {
        requested.submit(() -> run(kind, force, true));
    }

    public State state() {
        Instant success = lastSuccessAt;
        if (success == null) {
            success = store.lastSuccessfulRun().orElse(null);
        }
        return new State(running.isLocked(), currentKind, currentStartedAt, lastRun, success, consecutiveFailures);
    }

    /**
     * Runs one sync now, in the caller's thread.
     *
     * @param force write every record, even unchanged ones (after case-service lost data)
     * @param wait  wait for a run in progress; otherwise return empty when one is
     */
    public Optional<SyncRun> run(Kind kind, boolean force, boolean wait) {
        if (wait) {
            running.lock();
        } else if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(runLocked(kind, force));
        } finally {
            running.unlock();
        }
    }

    private SyncRun runLocked(Kind kind, boolean force) {
        Instant started = Instant.now();
        currentKind = kind.wireName();
        currentStartedAt = started;
        Run run = new Run(kind, force);
        String outcome = "succeeded";
        String error = null;
        try {
            run.execute();
        } catch (OdooException | CaseService.Unavailable | IllegalStateException e) {
            outcome = "failed";
            error = e.getMessage();
            LOG.warnf("Odoo %s sync failed after %d ms: %s", kind.wireName(),
                    Duration.between(started, Instant.now()).toMillis(), error);
        } finally {
            currentKind = null;
            currentStartedAt = null;
        }
        Instant finished = Instant.now();
        SyncRun result = new SyncRun(kind.wireName(), started, finished, outcome, run.read, run.changed, run.deleted,
                run.failed, error);
        lastRun = result;
        metrics.run(kind.wireName(), outcome, Duration.between(started, finished));
        if ("succeeded".equals(outcome)) {
            lastSuccessAt = finished;
            consecutiveFailures = 0;
            metrics.succeededRunStartedAt(started);
            if (run.read > 0 || run.changed > 0 || run.deleted > 0 || run.failed > 0 || kind == Kind.FULL) {
                LOG.infof("Odoo %s sync: %d read, %d changed, %d deleted, %d failed in %d ms", kind.wireName(),
                        run.read, run.changed, run.deleted, run.failed, Duration.between(started, finished).toMillis());
            }
        } else {
            consecutiveFailures++;
        }
        try {
            store.recordRun(result);
        } catch (IllegalStateException e) {
            LOG.warnf("Could not record the sync run: %s", e.getMessage());
        }
        return result;
    }

    void onStop(@Observes ShutdownEvent event) {
        requested.shutdownNow();
    }

    /** The work of one run, with its counts. */
    private final class Run {
        private final Kind kind;
        private final boolean force;
        private final Instant started = Instant.now();
        private final Map<String, LocalDateTime> maxSeen = new HashMap<>();
        private final Map<Long, String> partnerRefs = new HashMap<>();
        private final Map<Long, String> userNames = new HashMap<>();
        private final Set<Long> casesToReread = new LinkedHashSet<>();
        private boolean articlesChanged;
        int read;
        int changed;
        int deleted;
        int failed;

        Run(Kind kind, boolean force) {
            this.kind = kind;
            this.force = force;
        }

        void execute() {
            syncPartners();
            if (config.fees().enabled() && kind == Kind.INCREMENTAL) {
                collectCasesWithChangedInvoices();
            }
            syncCases();
            if (!casesToReread.isEmpty()) {
                List<Long> ids = new ArrayList<>(casesToReread);
                for (int from = 0; from < ids.size(); from += config.sync().pageSize()) {
                    List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + config.sync().pageSize()));
                    processCases(odoo.searchRead(mapping.caseModel(), List.of(List.of("id", "in", chunk)),
                            mapping.caseFields(), 0, null, "id asc", WITH_ARCHIVED));
                }
            }
            if (config.knowledge().model().isPresent()) {
                findChangedArticles(config.knowledge().model().get());
            }
            if (kind == Kind.FULL || config.sync().detectDeletions()) {
                detectDeletions();
            }
            if (config.knowledge().model().isPresent() && (articlesChanged || force)) {
                writeKnowledgeBase(config.knowledge().model().get());
            }
            saveWatermarks();
        }

        // --- reading ---------------------------------------------------------------------------------------

        /** Reads the records of {@code model} in pages by id: changed since the watermark, or all of them. */
        private void readPages(String stream, String model, String domainJson, List<String> fields,
                java.util.function.Consumer<List<JsonNode>> pageHandler) {
            List<Object> domain = new ArrayList<>(parseDomain(domainJson));
            if (kind == Kind.INCREMENTAL) {
                store.watermark(stream).ifPresent(mark -> domain.add(List.of("write_date", ">=", mark)));
            }
            long lastId = 0;
            int pageSize = config.sync().pageSize();
            while (true) {
                List<Object> page = new ArrayList<>(domain);
                page.add(List.of("id", ">", lastId));
                List<JsonNode> records = odoo.searchRead(model, page, fields, 0, pageSize, "id asc", WITH_ARCHIVED);
                if (records.isEmpty()) {
                    return;
                }
                records.forEach(r -> seen(stream, r));
                metrics.read(model, records.size());
                pageHandler.accept(records);
                lastId = records.get(records.size() - 1).path("id").asLong();
                if (records.size() < pageSize) {
                    return;
                }
            }
        }

        private void seen(String stream, JsonNode record) {
            OdooValues.text(record, "write_date").ifPresent(text -> {
                LocalDateTime at = LocalDateTime.parse(text.substring(0, 19), ODOO_DATETIME);
                maxSeen.merge(stream, at, (a, b) -> a.isAfter(b) ? a : b);
            });
        }

        /** Each model's next watermark: the last change seen, less the overlap and this run's duration. */
        private void saveWatermarks() {
            Duration back = config.sync().overlap().plus(Duration.between(started, Instant.now()));
            maxSeen.forEach((stream, at) -> store.saveWatermark(stream, ODOO_DATETIME.format(at.minus(back))));
        }

        // --- partners ----------------------------------------------------------------------------------------

        private void syncPartners() {
            readPages("partners", OdooMapping.PARTNER_MODEL, config.customer().domain(), mapping.partnerFields(),
                    this::processPartners);
        }

        private void processPartners(List<JsonNode> partners) {
            read += partners.size();
            Map<Long, SyncStore.Synced> previous = store.synced(OdooMapping.PARTNER_MODEL, ids(partners));
            Batch batch = new Batch("customers", OdooMapping.PARTNER_MODEL);
            for (JsonNode partner : partners) {
                long id = partner.path("id").asLong();
                SyncStore.Synced before = previous.get(id);
                String ref = mapping.customerRef(partner);
                if (!OdooValues.active(partner)) {
                    if (before != null) {
                        removeCustomer(id, before.key());
                    }
                    continue;
                }
                Optional<ObjectNode> customer = mapping.customer(partner);
                if (customer.isEmpty()) {
                    recordFailure(OdooMapping.PARTNER_MODEL, id, "no name");
                    continue;
                }
                partnerRefs.put(id, ref);
                if (before != null && !before.key().equals(ref)) {
                    // The ref changed: the old customer goes, and the cases move to the new one.
                    caseService.deleteCustomer(before.key());
                    store.casesOf(mapping.caseModel(), id).forEach(c -> casesToReread.add(c.odooId()));
                    store.forgetCasesOf(mapping.caseModel(), id);
                    before = null;
                }
                String hash = OdooMapping.hash(customer.get());
                if (!force && before != null && before.hash().equals(hash)) {
                    continue;
                }
                batch.add(customer.get(), new SyncStore.Synced(OdooMapping.PARTNER_MODEL, id, ref, hash, null, true,
                        OdooValues.text(partner, "write_date").orElse(null)));
            }
            batch.flush();
        }

        private void removeCustomer(long partnerId, String ref) {
            caseService.deleteCustomer(ref);
            store.forget(OdooMapping.PARTNER_MODEL, List.of(partnerId));
            store.forgetCasesOf(mapping.caseModel(), partnerId);
            deleted++;
            metrics.changed(OdooMapping.PARTNER_MODEL, "deleted", 1);
        }

        /** The refs of the partners of {@code cases}; partners not synced yet are read and written first. */
        private void resolvePartners(List<JsonNode> cases) {
            Set<Long> wanted = new HashSet<>();
            cases.forEach(c -> OdooValues.many2oneId(c, "partner_id").ifPresent(wanted::add));
            wanted.removeAll(partnerRefs.keySet());
            if (wanted.isEmpty()) {
                return;
            }
            store.synced(OdooMapping.PARTNER_MODEL, wanted).forEach((id, synced) -> partnerRefs.put(id, synced.key()));
            wanted.removeAll(partnerRefs.keySet());
            if (!wanted.isEmpty()) {
                List<JsonNode> partners = odoo.searchRead(OdooMapping.PARTNER_MODEL,
                        List.of(List.of("id", "in", List.copyOf(wanted))), mapping.partnerFields(), 0, null, "id asc",
                        WITH_ARCHIVED);
                processPartners(partners);
            }
        }

        private void resolveUsers(List<JsonNode> cases) {
            Set<Long> wanted = new HashSet<>();
            cases.forEach(c -> wanted.addAll(mapping.assigneeIds(c)));
            wanted.removeAll(userNames.keySet());
            if (!wanted.isEmpty()) {
                odoo.searchRead("res.users", List.of(List.of("id", "in", List.copyOf(wanted))), List.of("id", "name"),
                        0, null, "id asc", WITH_ARCHIVED)
                        .forEach(u -> userNames.put(u.path("id").asLong(), u.path("name").asText()));
            }
        }

        // --- cases -------------------------------------------------------------------------------------------

        private void collectCasesWithChangedInvoices() {
            Set<String> numbers = new HashSet<>();
            readPages("invoices", OdooMapping.INVOICE_MODEL, "[[\"move_type\",\"=\",\"out_invoice\"]]",
                    List.of("id", "write_date", config.fees().caseField()),
                    page -> page.forEach(i -> OdooValues.text(i, config.fees().caseField()).ifPresent(numbers::add)));
            store.byKeys(mapping.caseModel(), numbers).forEach(c -> casesToReread.add(c.odooId()));
        }

        private void syncCases() {
            readPages("cases", mapping.caseModel(), config.cases().domain(), mapping.caseFields(), this::processCases);
        }

        private void processCases(List<JsonNode> cases) {
            read += cases.size();
            cases.forEach(c -> casesToReread.remove(c.path("id").asLong()));
            resolvePartners(cases);
            resolveUsers(cases);
            Map<String, OdooMapping.Fee> fees = fees(cases);
            Map<Long, SyncStore.Synced> previous = store.synced(mapping.caseModel(), ids(cases));
            Batch batch = new Batch("cases", mapping.caseModel());
            for (JsonNode record : cases) {
                long id = record.path("id").asLong();
                SyncStore.Synced before = previous.get(id);
                if (!OdooValues.active(record)) {
                    if (before != null) {
                        removeCase(id, before.key());
                    }
                    continue;
                }
                Optional<String> number = mapping.caseNumber(record);
                Optional<Long> partnerId = OdooValues.many2oneId(record, "partner_id");
                String ref = partnerId.map(partnerRefs::get).orElse(null);
                if (number.isEmpty() || ref == null) {
                    recordFailure(mapping.caseModel(), id, number.isEmpty() ? "no case number" : "no active client");
                    continue;
                }
                Optional<ObjectNode> entry = mapping.caseEntry(record, ref, userNames, fees.get(number.get()));
                if (entry.isEmpty()) {
                    recordFailure(mapping.caseModel(), id, "no title");
                    continue;
                }
                if (before != null && !before.key().equals(number.get())) {
                    caseService.deleteCase(before.key());
                    before = null;
                }
                String hash = OdooMapping.hash(entry.get());
                if (!force && before != null && before.hash().equals(hash)) {
                    continue;
                }
                batch.add(entry.get(), new SyncStore.Synced(mapping.caseModel(), id, number.get(), hash,
                        partnerId.get(), !"closed".equals(mapping.status(record)),
                        OdooValues.text(record, "write_date").orElse(null)));
            }
            batch.flush();
        }

        private void removeCase(long id, String number) {
            caseService.deleteCase(number);
            store.forget(mapping.caseModel(), List.of(id));
            deleted++;
            metrics.changed(mapping.caseModel(), "deleted", 1);
        }

        /** The open amount of each case of the page, from posted customer invoices not fully paid. */
        private Map<String, OdooMapping.Fee> fees(List<JsonNode> cases) {
            Map<String, OdooMapping.Fee> fees = new HashMap<>();
            if (!config.fees().enabled()) {
                return fees;
            }
            List<String> numbers = cases.stream().map(mapping::caseNumber).flatMap(Optional::stream).toList();
            if (numbers.isEmpty()) {
                return fees;
            }
            Map<String, Map<String, BigDecimal>> byCurrency = new HashMap<>();
            for (JsonNode invoice : odoo.searchRead(OdooMapping.INVOICE_MODEL, mapping.openInvoicesDomain(numbers),
                    mapping.invoiceFields(), 0, null, "id asc", Map.of())) {
                String number = OdooValues.text(invoice, config.fees().caseField()).orElse(null);
                String currency = OdooValues.text(invoice, "currency_id").orElse(null);
                if (number != null && currency != null) {
                    byCurrency.computeIfAbsent(number, n -> new LinkedHashMap<>())
                            .merge(currency, invoice.path("amount_residual").decimalValue(), BigDecimal::add);
                }
            }
            // Several currencies on one case are rare; the largest amount is the one shown.
            byCurrency.forEach((number, amounts) -> amounts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .ifPresent(e -> fees.put(number, new OdooMapping.Fee(e.getValue().stripTrailingZeros()
                            .max(BigDecimal.ZERO), e.getKey()))));
            return fees;
        }

        // --- articles ----------------------------------------------------------------------------------------

        /**
         * Notes whether any article changed, was archived or is new. case-service takes the articles of a bundle as
         * the firm's whole knowledge base, so a change is written as all of them ({@link #writeKnowledgeBase}).
         */
        private void findChangedArticles(String model) {
            readPages("articles", model, config.knowledge().domain(), mapping.articleFields(), page -> {
                read += page.size();
                Map<Long, SyncStore.Synced> previous = store.synced(model, ids(page));
                for (JsonNode record : page) {
                    SyncStore.Synced before = previous.get(record.path("id").asLong());
                    if (!OdooValues.active(record)) {
                        articlesChanged |= before != null;
                        continue;
                    }
                    Optional<ObjectNode> article = mapping.article(record);
                    articlesChanged |= before == null || article.isEmpty()
                            || !before.hash().equals(OdooMapping.hash(article.get()))
                            || !before.key().equals(mapping.articleId(record));
                }
            });
        }

        /** Writes every active article of the knowledge model as one bundle: the firm's knowledge base. */
        private void writeKnowledgeBase(String model) {
            Map<Long, SyncStore.Synced> known = store.allSynced(model);
            List<ObjectNode> entries = new ArrayList<>();
            List<SyncStore.Synced> rows = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode record : odoo.searchRead(model, parseDomain(config.knowledge().domain()),
                    mapping.articleFields(), 0, null, "id asc", Map.of())) {
                long id = record.path("id").asLong();
                Optional<ObjectNode> article = mapping.article(record);
                if (article.isEmpty() || !ids.add(mapping.articleId(record))) {
                    recordFailure(model, id, article.isEmpty() ? "no title or body" : "repeated article id");
                    continue;
                }
                entries.add(article.get());
                rows.add(new SyncStore.Synced(model, id, mapping.articleId(record), OdooMapping.hash(article.get()),
                        null, true, OdooValues.text(record, "write_date").orElse(null)));
            }
            ObjectNode bundle = JSON.createObjectNode();
            bundle.putArray("articles").addAll(entries);
            try {
                caseService.importBundle(bundle);
            } catch (CaseService.Rejected rejected) {
                Set<Integer> bad = CaseService.rejectedIndexes(rejected, "articles");
                if (bad.isEmpty()) {
                    throw new IllegalStateException("case-service rejected the knowledge base ("
                            + rejected.paths().size() + " problem(s))");
                }
                List<ObjectNode> good = new ArrayList<>();
                List<SyncStore.Synced> goodRows = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    if (bad.contains(i)) {
                        recordFailure(model, rows.get(i).odooId(), "rejected by case-service");
                    } else {
                        good.add(entries.get(i));
                        goodRows.add(rows.get(i));
                    }
                }
                ObjectNode retry = JSON.createObjectNode();
                retry.putArray("articles").addAll(good);
                caseService.importBundle(retry);
                rows = goodRows;
            }
            Set<Long> kept = new HashSet<>();
            int written = 0;
            for (SyncStore.Synced row : rows) {
                kept.add(row.odooId());
                SyncStore.Synced before = known.get(row.odooId());
                written += before == null || !before.hash().equals(row.hash()) ? 1 : 0;
            }
            store.forget(model, known.keySet().stream().filter(id -> !kept.contains(id)).toList());
            store.saveSynced(rows);
            changed += written;
            metrics.changed(model, "written", written);
        }

        private void removeArticle(String model, long id) {
            // The knowledge base written after the deletions leaves it out.
            store.forget(model, List.of(id));
            articlesChanged = true;
            deleted++;
            metrics.changed(model, "deleted", 1);
        }

        // --- deletions ---------------------------------------------------------------------------------------

        /** Synced records Odoo no longer has (deleted, archived, or out of the configured domain) are removed. */
        private void detectDeletions() {
            // Cases first: a partner outside the customer domain is kept while one of its cases is synced.
            detectDeletions(mapping.caseModel(), config.cases().domain(), this::removeCase);
            detectDeletions(OdooMapping.PARTNER_MODEL, config.customer().domain(),
                    (id, key) -> removeCustomer(id, key));
            config.knowledge().model().ifPresent(model -> detectDeletions(model, config.knowledge().domain(),
                    (id, key) -> removeArticle(model, id)));
        }

        private void detectDeletions(String model, String domainJson, java.util.function.BiConsumer<Long, String> remove) {
            Map<Long, SyncStore.Synced> known = store.allSynced(model);
            if (known.isEmpty()) {
                return;
            }
            Set<Long> present = new HashSet<>(odoo.search(model, parseDomain(domainJson), Map.of()));
            if (present.isEmpty()) {
                // An empty answer for a model CaseDesk has records of is more likely a wrong domain or user than a
                // firm that deleted everything: nothing is removed.
                LOG.warnf("Odoo has no %s records for the configured domain; %d synced records kept", model,
                        known.size());
                return;
            }
            known.values().stream().filter(s -> !present.contains(s.odooId()))
                    .filter(s -> !OdooMapping.PARTNER_MODEL.equals(model) || !isClientOfSyncedCase(s.odooId()))
                    .forEach(s -> remove.accept(s.odooId(), s.key()));
        }

        /** A partner outside the customer domain stays while one of its cases is synced. */
        private boolean isClientOfSyncedCase(long partnerId) {
            return !store.casesOf(mapping.caseModel(), partnerId).isEmpty();
        }

        private void recordFailure(String model, long id, String reason) {
            failed++;
            metrics.failed(model, 1);
            LOG.debugf("%s %d not synced: %s", model, id, reason);
        }

        /** Entries for one list of the import bundle, written in bundles of {@code batch-size}. */
        private final class Batch {
            private final String list;
            private final String model;
            private final List<ObjectNode> entries = new ArrayList<>();
            private final List<SyncStore.Synced> rows = new ArrayList<>();

            Batch(String list, String model) {
                this.list = list;
                this.model = model;
            }

            void add(ObjectNode entry, SyncStore.Synced row) {
                entries.add(entry);
                rows.add(row);
                if (entries.size() >= config.sync().batchSize()) {
                    flush();
                }
            }

            void flush() {
                if (entries.isEmpty()) {
                    return;
                }
                if ("customers".equals(list)) {
                    dropRepeatedIdentities(entries);
                }
                write(new ArrayList<>(entries), new ArrayList<>(rows), true);
                entries.clear();
                rows.clear();
            }

            private void write(List<ObjectNode> batchEntries, List<SyncStore.Synced> batchRows, boolean isolate) {
                ObjectNode bundle = JSON.createObjectNode();
                bundle.putArray(list).addAll(batchEntries);
                try {
                    caseService.importBundle(bundle);
                } catch (CaseService.Rejected rejected) {
                    Set<Integer> bad = CaseService.rejectedIndexes(rejected, list);
                    if (!isolate || bad.isEmpty()) {
                        throw new IllegalStateException("case-service rejected a bundle of " + batchEntries.size()
                                + " " + list + " (" + rejected.paths().size() + " problem(s))");
                    }
                    List<ObjectNode> goodEntries = new ArrayList<>();
                    List<SyncStore.Synced> goodRows = new ArrayList<>();
                    for (int i = 0; i < batchEntries.size(); i++) {
                        if (bad.contains(i)) {
                            recordFailure(model, batchRows.get(i).odooId(), "rejected by case-service");
                        } else {
                            goodEntries.add(batchEntries.get(i));
                            goodRows.add(batchRows.get(i));
                        }
                    }
                    if (!goodEntries.isEmpty()) {
                        write(goodEntries, goodRows, false);
                    }
                    return;
                }
                store.saveSynced(batchRows);
                changed += batchRows.size();
                metrics.changed(model, "written", batchRows.size());
            }
        }
    }

    /** One email address or LINE user id per bundle: a later customer with the same one goes without it. */
    static void dropRepeatedIdentities(List<ObjectNode> customers) {
        Set<String> emails = new HashSet<>();
        Set<String> lineIds = new HashSet<>();
        for (ObjectNode customer : customers) {
            if (customer.has("email") && !emails.add(customer.get("email").asText().toLowerCase(java.util.Locale.ROOT))) {
                customer.remove("email");
            }
            if (customer.has("lineUserId") && !lineIds.add(customer.get("lineUserId").asText())) {
                customer.remove("lineUserId");
            }
        }
    }

    private static List<Long> ids(Collection<JsonNode> records) {
        return records.stream().map(r -> r.path("id").asLong()).toList();
    }

    static List<Object> parseDomain(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
            if (!node.isArray()) {
                throw new IllegalStateException("An Odoo domain must be a JSON list: " + json);
            }
            return JSON.convertValue(node, JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An Odoo domain is not JSON: " + json);
        }
    }
}
