package io.casedesk.cases.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.cases.mapping.BundleReader;
import io.casedesk.cases.mapping.ImportBundle;
import io.casedesk.cases.mapping.ImportSummary;
import io.casedesk.cases.mapping.InvalidBundleException;
import io.casedesk.cases.model.Article;
import io.casedesk.cases.model.CaseHistoryEntry;
import io.casedesk.cases.model.ChannelIdentity;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.CustomerCase;
import io.casedesk.cases.model.FirmSettings;
import io.casedesk.cases.model.IdentityChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a firm's data bundle (DESIGN §7) in one transaction. The bundle is validated completely before
 * anything is written; then records are upserted by their natural keys (customer ref, case number, article
 * id) and history entries are added unless the case already has the same (at, entry). Importing the same
 * bundle again therefore changes nothing. Records absent from the bundle are left alone, except channel
 * identities that came from an earlier import of a customer in this bundle: the bundle owns those.
 */
@ApplicationScoped
public class BundleImporter {

    private static final Logger LOG = Logger.getLogger(BundleImporter.class);
    /** Advisory lock key that serializes imports: two concurrent ones would collide on the unique keys. */
    private static final long IMPORT_LOCK_KEY = 0x63617365_696d706fL;

    private final EntityManager entityManager;
    private final SecretHasher secretHasher;
    private final Counter acceptedImports;
    private final Counter rejectedImports;

    public BundleImporter(EntityManager entityManager, SecretHasher secretHasher, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.secretHasher = secretHasher;
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
            bundle = BundleReader.read(document, this::storedCustomerRefs);
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
        importCases(bundle.cases(), customersByRef, cases);
        Tally articles = new Tally();
        importArticles(bundle.articles(), articles);

        acceptedImports.increment();
        ImportSummary summary = summary(bundle, firm, customers, cases, articles);
        LOG.infof("Imported a bundle: %d created, %d updated, %d unchanged",
                summary.created(), summary.updated(), summary.unchanged());
        return summary;
    }

    private Set<String> storedCustomerRefs(Set<String> refs) {
        return Customer.listByRefs(refs).stream().map(c -> c.ref).collect(Collectors.toSet());
    }

    private Outcome importFirm(ImportBundle.Firm data) {
        FirmSettings firm = FirmSettings.current().orElse(null);
        boolean created = firm == null;
        if (created) {
            firm = new FirmSettings();
            firm.id = FirmSettings.THE_FIRM;
        }
        Changes changes = new Changes();
        firm.name = changes.track(firm.name, data.name());
        firm.timezone = changes.track(firm.timezone, data.timezone());
        firm.languages = changes.track(firm.languages, data.languages());
        firm.tone = changes.track(firm.tone, data.tone());
        firm.serviceHours = changes.track(firm.serviceHours, data.serviceHours());
        firm.outOfHoursText = changes.track(firm.outOfHoursText, data.outOfHoursText());
        if (created) {
            firm.persist();
        }
        return Outcome.of(created, changes.any());
    }

    /** Upserts the bundle's customers and their identities; returns every bundle customer by ref. */
    private Map<String, Customer> importCustomers(List<ImportBundle.Customer> bundleCustomers, Tally tally) {
        Map<String, Customer> stored = byKey(Customer.listByRefs(refs(bundleCustomers)), c -> c.ref);
        Map<String, Customer> customersByRef = new LinkedHashMap<>();
        Set<Customer> createdCustomers = new HashSet<>();
        Set<Customer> changedCustomers = new HashSet<>();
        for (ImportBundle.Customer data : bundleCustomers) {
            Customer customer = stored.get(data.ref());
            if (customer == null) {
                customer = new Customer();
                customer.ref = data.ref();
                createdCustomers.add(customer);
            }
            Changes changes = new Changes();
            customer.name = changes.track(customer.name, data.name());
            customer.salutation = changes.track(customer.salutation, data.salutation());
            customer.language = changes.track(customer.language, data.language());
            customer.email = changes.track(customer.email, data.email());
            customer.phone = changes.track(customer.phone, data.phone());
            customer.vip = changes.track(customer.vip, data.vip());
            if (!secretUnchanged(customer.verificationSecretHash, data.verificationSecret())) {
                customer.verificationSecretHash =
                        data.verificationSecret() == null ? null : secretHasher.hash(data.verificationSecret());
                changes.mark();
            }
            if (createdCustomers.contains(customer)) {
                customer.persist();
            } else if (changes.any()) {
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

    private boolean secretUnchanged(String storedHash, String secret) {
        if (storedHash == null || secret == null) {
            return storedHash == null && secret == null;
        }
        return secretHasher.matches(secret, storedHash);
    }

    /**
     * Makes each bundle customer's imported identities exactly its {@code lineUserId} and {@code email}, all
     * verified. An identity another customer held moves to the one the bundle names.
     *
     * @return the customers whose identities changed
     */
    private Set<Customer> importIdentities(List<ImportBundle.Customer> bundleCustomers,
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

    private void importCases(List<ImportBundle.Case> bundleCases, Map<String, Customer> bundleCustomers,
            Tally tally) {
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
                customerCase.number = data.number();
            }
            Changes changes = new Changes();
            customerCase.customer = changes.track(customerCase.customer, owners.get(data.customerRef()));
            customerCase.title = changes.track(customerCase.title, data.title());
            customerCase.type = changes.track(customerCase.type, data.type());
            customerCase.status = changes.track(customerCase.status, data.status());
            customerCase.stage = changes.track(customerCase.stage, data.stage());
            customerCase.assignee = changes.track(customerCase.assignee, data.assignee());
            customerCase.openedAt = changes.track(customerCase.openedAt, data.openedAt());
            customerCase.nextStepDate = changes.track(customerCase.nextStepDate, data.nextStepDate());
            customerCase.nextStepDescription =
                    changes.track(customerCase.nextStepDescription, data.nextStepDescription());
            customerCase.outstandingFeeAmount =
                    changes.trackAmount(customerCase.outstandingFeeAmount, data.outstandingFeeAmount());
            customerCase.outstandingFeeCurrency =
                    changes.track(customerCase.outstandingFeeCurrency, data.outstandingFeeCurrency());
            if (created) {
                customerCase.persist();
            }
            for (ImportBundle.HistoryEntry entry : data.history()) {
                if (knownHistory.add(new HistoryKey(customerCase.id, entry.at(), entry.entry()))) {
                    CaseHistoryEntry historyEntry = new CaseHistoryEntry();
                    historyEntry.customerCase = customerCase;
                    historyEntry.at = entry.at();
                    historyEntry.entry = entry.entry();
                    historyEntry.persist();
                    changes.mark();
                }
            }
            tally.add(Outcome.of(created, changes.any()));
        }
    }

    private void importArticles(List<ImportBundle.Article> bundleArticles, Tally tally) {
        List<String> ids = bundleArticles.stream().map(ImportBundle.Article::id).toList();
        Map<String, Article> stored = byKey(ids.isEmpty() ? List.of() : Article.list("id in ?1", ids), a -> a.id);
        for (ImportBundle.Article data : bundleArticles) {
            Article article = stored.get(data.id());
            boolean created = article == null;
            if (created) {
                article = new Article();
                article.id = data.id();
            }
            Changes changes = new Changes();
            article.language = changes.track(article.language, data.language());
            article.title = changes.track(article.title, data.title());
            article.body = changes.track(article.body, data.body());
            article.tags = changes.track(article.tags, data.tags());
            if (created) {
                article.persist();
            }
            tally.add(Outcome.of(created, changes.any()));
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

        void add(Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        ImportSummary.Changes toChanges() {
            return new ImportSummary.Changes(created, updated, unchanged);
        }
    }

    /** Remembers whether any assignment of one record changed a value. */
    private static final class Changes {
        private boolean changed;

        <T> T track(T current, T next) {
            if (!Objects.equals(current, next)) {
                changed = true;
            }
            return next;
        }

        /** Amounts compare by value: 30000 and 30000.00 are the same fee. */
        BigDecimal trackAmount(BigDecimal current, BigDecimal next) {
            boolean same = current == null ? next == null : next != null && current.compareTo(next) == 0;
            if (!same) {
                changed = true;
                return next;
            }
            return current;
        }

        void mark() {
            changed = true;
        }

        boolean any() {
            return changed;
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
