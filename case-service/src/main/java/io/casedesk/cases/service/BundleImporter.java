package io.casedesk.cases.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.cases.bundle.BundleReader;
import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportSummary;
import io.casedesk.cases.bundle.InvalidBundleException;
import io.casedesk.cases.model.Article;
import io.casedesk.cases.model.CaseHistoryEntry;
import io.casedesk.cases.model.ChannelIdentity;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.CustomerCase;
import io.casedesk.cases.model.FirmSettings;
import io.casedesk.cases.model.IdentityChannel;
import io.casedesk.messaging.outbox.Outbox;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.FirmChanged;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ValidatorFactory;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a firm's data bundle (DESIGN §7) in one transaction. The bundle is read and validated completely before
 * anything is written ({@link BundleReader}); then each record is upserted by its natural key (customer ref, case
 * number, article id), taking its data itself ({@code takeImported}), and history entries are added unless the case
 * already has the same (at, entry). Importing the same bundle again therefore changes nothing. Records absent from
 * the bundle are left alone, except channel identities that came from an earlier import of a customer in this bundle
 * (the bundle owns those) and articles when the bundle has an {@code articles} key (its articles are the firm's
 * knowledge base: a firm imported after another answers from its own articles only). When anything changed, a
 * {@link FirmChanged} event leaves through the outbox with the change, so services that cache firm data read it
 * again at once.
 */
@ApplicationScoped
public class BundleImporter {

    private static final Logger LOG = Logger.getLogger(BundleImporter.class);
    /** Advisory lock key that serializes imports: two concurrent ones would collide on the unique keys. */
    static final long IMPORT_LOCK_KEY = 0x63617365_696d706fL;

    private final EntityManager entityManager;
    private final SecretHasher secretHasher;
    private final Outbox outbox;
    private final Counter acceptedImports;
    private final Counter rejectedImports;
    private final ValidatorFactory validators;

    public BundleImporter(EntityManager entityManager, SecretHasher secretHasher, Outbox outbox,
                          MeterRegistry registry, ValidatorFactory validators) {
        this.entityManager = entityManager;
        this.validators = validators;
        this.secretHasher = secretHasher;
        this.outbox = outbox;
        this.acceptedImports = Counter.builder("casedesk.imports").tag("outcome", "accepted")
                .description("Import bundles processed").register(registry);
        this.rejectedImports = Counter.builder("casedesk.imports").tag("outcome", "rejected")
                .description("Import bundles processed").register(registry);
    }

    /**
     * @throws InvalidBundleException listing every problem; nothing has been written then
     */
    @Transactional
    public ImportSummary importBundle(JsonNode document) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", IMPORT_LOCK_KEY).getSingleResult();
        ImportBundle bundle;
        try {
            bundle = BundleReader.read(document, BundleImporter::storedCustomerRefs, validators);
        } catch (InvalidBundleException e) {
            rejectedImports.increment();
            LOG.infof("Rejected an import bundle with %d problem(s)", e.problems().size());
            throw e;
        }
        Tally firm = new Tally();
        if (bundle.firm() != null) {
            firm.add(importFirm(bundle.firm()));
        }
        Tally customers = new Tally();
        Map<String, Customer> customersByRef = importCustomers(bundle.customers(), customers);
        Tally cases = new Tally();
        importCases(bundle.cases(), customersByRef, cases, firmZone(bundle.firm()));
        Tally articles = new Tally();
        importArticles(bundle.articles(), articles);
        if (bundle.articlesGiven()) {
            removeArticlesOutside(bundle.articles(), articles);
        }

        acceptedImports.increment();
        ImportSummary summary = summary(bundle, firm, customers, cases, articles);
        if (summary.created() + summary.updated() + summary.removed() > 0) {
            announceChange(firm.changedAny(), articles.changedAny());
        }
        LOG.infof("Imported a bundle: %d created, %d updated, %d unchanged",
                summary.created(), summary.updated(), summary.unchanged());
        return summary;
    }

    /** Services that cache firm data (articles, service hours, texts) read it again when this commits. */
    void announceChange(boolean settingsChanged, boolean articlesChanged) {
        Instant now = Instant.now();
        FirmChanged change = new FirmChanged(settingsChanged, articlesChanged, (int) Article.count());
        outbox.add(Topics.FIRM, Envelope.of(EventIds.derive(Topics.FIRM_KEY, "import:" + now), now, Topics.FIRM_KEY,
                null, null, change));
    }

    /** The zone a closed case's closing date is read in: the bundle's firm's, else the stored firm's, else UTC. */
    private static ZoneId firmZone(ImportBundle.Firm bundleFirm) {
        String timezone = bundleFirm != null && bundleFirm.timezone() != null ? bundleFirm.timezone()
                : FirmSettings.current().map(f -> f.timezone).orElse(null);
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    private static Set<String> storedCustomerRefs(Set<String> refs) {
        return Customer.listByRefs(refs).stream().map(c -> c.ref).collect(Collectors.toSet());
    }

    private static Outcome importFirm(ImportBundle.Firm data) {
        FirmSettings firm = FirmSettings.current().orElse(null);
        boolean created = firm == null;
        if (created) {
            firm = new FirmSettings();
            firm.id = FirmSettings.THE_FIRM;
        }
        boolean changed = firm.takeImported(data);
        if (created) {
            firm.persist();
        }
        return Outcome.of(created, changed);
    }

    /** Upserts the bundle's customers and their identities; returns every bundle customer by ref. */
    private Map<String, Customer> importCustomers(List<ImportBundle.Customer> bundleCustomers, Tally tally) {
        Map<String, Customer> stored = byKey(Customer.listByRefs(refs(bundleCustomers)), c -> c.ref);
        Map<String, Customer> customersByRef = new LinkedHashMap<>();
        Set<Customer> createdCustomers = new HashSet<>();
        Set<Customer> changedCustomers = new HashSet<>();
        for (ImportBundle.Customer data : bundleCustomers) {
            Customer customer = stored.get(data.ref());
            boolean created = customer == null;
            if (created) {
                customer = new Customer();
                createdCustomers.add(customer);
            }
            boolean changed = customer.takeImported(data, secretHasher);
            if (created) {
                customer.persist();
            } else if (changed) {
                changedCustomers.add(customer);
            }
            customersByRef.put(data.ref(), customer);
        }
        changedCustomers.addAll(importIdentities(bundleCustomers, customersByRef, stored.values()));
        for (Customer customer : customersByRef.values()) {
            tally.add(Outcome.of(createdCustomers.contains(customer), changedCustomers.contains(customer)));
        }
        return customersByRef;
    }

    /**
     * Makes each bundle customer's imported identities exactly its {@code lineUserId} and {@code email}, all
     * verified. An identity another customer held moves to the one the bundle names.
     *
     * @return the customers whose identities changed
     */
    private static Set<Customer> importIdentities(List<ImportBundle.Customer> bundleCustomers,
            Map<String, Customer> customersByRef, Collection<Customer> storedCustomers) {
        Map<IdentityKey, Customer> wanted = new LinkedHashMap<>();
        for (ImportBundle.Customer data : bundleCustomers) {
            Customer customer = customersByRef.get(data.ref());
            if (data.lineUserId() != null) {
                wanted.put(new IdentityKey(IdentityChannel.LINE.wireName(), data.lineUserId()), customer);
            }
            if (data.email() != null) {
                wanted.put(new IdentityKey(IdentityChannel.EMAIL.wireName(), data.email()), customer);
            }
        }
        Map<IdentityKey, ChannelIdentity> existing = new HashMap<>();
        Set<String> externalIds = wanted.keySet().stream().map(IdentityKey::externalId).collect(Collectors.toSet());
        ChannelIdentity.listByExternalIds(externalIds).forEach(i -> existing.put(IdentityKey.of(i), i));
        ChannelIdentity.listByCustomers(storedCustomers).forEach(i -> existing.put(IdentityKey.of(i), i));

        Set<Customer> changed = new HashSet<>();
        Set<Customer> bundleCustomerSet = new HashSet<>(customersByRef.values());
        for (ChannelIdentity identity : existing.values()) {
            boolean ownedByBundle = ChannelIdentity.SOURCE_IMPORT.equals(identity.source)
                    && bundleCustomerSet.contains(identity.customer);
            if (ownedByBundle && !wanted.containsKey(IdentityKey.of(identity))) {
                changed.add(identity.customer);
                identity.delete();
            }
        }
        wanted.forEach((key, customer) -> {
            ChannelIdentity identity = existing.get(key);
            if (identity == null) {
                identity = new ChannelIdentity();
                identity.channel = key.channel();
                identity.externalId = key.externalId();
                identity.source = ChannelIdentity.SOURCE_IMPORT;
                identity.verified = true;
                identity.customer = customer;
                identity.persist();
                changed.add(customer);
            } else if (identity.customer != customer || !identity.verified) {
                changed.add(identity.customer);
                identity.customer = customer;
                identity.source = ChannelIdentity.SOURCE_IMPORT;
                identity.verified = true;
                changed.add(customer);
            }
        });
        return changed;
    }

    private static void importCases(List<ImportBundle.Case> bundleCases, Map<String, Customer> bundleCustomers,
            Tally tally, ZoneId firmZone) {
        Map<String, Customer> owners = new HashMap<>(bundleCustomers);
        Set<String> refsOutsideBundle = bundleCases.stream().map(ImportBundle.Case::customerRef)
                .filter(ref -> !owners.containsKey(ref)).collect(Collectors.toSet());
        Customer.listByRefs(refsOutsideBundle).forEach(c -> owners.put(c.ref, c));

        Map<String, CustomerCase> stored = byKey(
                CustomerCase.listByNumbers(bundleCases.stream().map(ImportBundle.Case::number).toList()),
                c -> c.number);
        Set<HistoryKey> knownHistory = CaseHistoryEntry.listForCases(stored.values()).stream()
                .map(h -> new HistoryKey(h.customerCase.id, h.at, h.entry)).collect(Collectors.toCollection(HashSet::new));

        for (ImportBundle.Case data : bundleCases) {
            CustomerCase customerCase = stored.get(data.number());
            boolean created = customerCase == null;
            if (created) {
                customerCase = new CustomerCase();
            }
            boolean changed = customerCase.takeImported(data, owners.get(data.customerRef()), firmZone);
            if (created) {
                customerCase.persist();
            }
            for (ImportBundle.HistoryEntry entry : data.history()) {
                // Added unless the case has the same entry at the same time: history is only ever added to.
                if (knownHistory.add(new HistoryKey(customerCase.id, entry.at(), entry.entry()))) {
                    CaseHistoryEntry.add(customerCase, entry.at(), entry.entry());
                    changed = true;
                }
            }
            tally.add(Outcome.of(created, changed));
        }
    }

    private static void importArticles(List<ImportBundle.Article> bundleArticles, Tally tally) {
        List<String> ids = bundleArticles.stream().map(ImportBundle.Article::id).toList();
        Map<String, Article> stored = byKey(ids.isEmpty() ? List.of() : Article.list("id in ?1", ids), a -> a.id);
        for (ImportBundle.Article data : bundleArticles) {
            Article article = stored.get(data.id());
            boolean created = article == null;
            if (created) {
                article = new Article();
            }
            boolean changed = article.takeImported(data);
            if (created) {
                article.persist();
            }
            tally.add(Outcome.of(created, changed));
        }
    }

    /** Removes the stored articles the bundle's knowledge base does not hold. */
    private static void removeArticlesOutside(List<ImportBundle.Article> bundleArticles, Tally tally) {
        Set<String> kept = bundleArticles.stream().map(ImportBundle.Article::id).collect(Collectors.toSet());
        for (Article stale : Article.<Article>listAll()) {
            if (!kept.contains(stale.id)) {
                stale.delete();
                tally.removed++;
            }
        }
    }

    private static ImportSummary summary(ImportBundle bundle, Tally firm, Tally customers, Tally cases,
            Tally articles) {
        Map<String, ImportSummary.Changes> changes = new LinkedHashMap<>();
        changes.put("firm", firm.toChanges());
        changes.put("customers", customers.toChanges());
        changes.put("cases", cases.toChanges());
        changes.put("articles", articles.toChanges());
        List<Tally> all = List.of(firm, customers, cases, articles);
        return new ImportSummary(bundle.customers().size(), bundle.cases().size(), bundle.articles().size(),
                all.stream().mapToInt(t -> t.created).sum(),
                all.stream().mapToInt(t -> t.updated).sum(),
                all.stream().mapToInt(t -> t.unchanged).sum(),
                all.stream().mapToInt(t -> t.removed).sum(),
                changes);
    }

    private static List<String> refs(List<ImportBundle.Customer> customers) {
        return customers.stream().map(ImportBundle.Customer::ref).toList();
    }

    private static <T> Map<String, T> byKey(List<T> entities, Function<T, String> key) {
        return entities.stream().collect(Collectors.toMap(key, Function.identity()));
    }

    private enum Outcome {
        CREATED, UPDATED, UNCHANGED;

        static Outcome of(boolean created, boolean changed) {
            return created ? CREATED : changed ? UPDATED : UNCHANGED;
        }
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        int removed;

        void add(Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        ImportSummary.Changes toChanges() {
            return new ImportSummary.Changes(created, updated, unchanged, removed);
        }

        boolean changedAny() {
            return created + updated + removed > 0;
        }
    }

    private record IdentityKey(String channel, String externalId) {
        static IdentityKey of(ChannelIdentity identity) {
            return new IdentityKey(identity.channel, identity.externalId);
        }
    }

    private record HistoryKey(Long caseId, Instant at, String entry) {
    }
}
