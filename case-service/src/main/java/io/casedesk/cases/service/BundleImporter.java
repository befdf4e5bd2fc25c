package io.casedesk.cases.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.cases.bundle.BundleReader;
import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportSummary;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.bundle.InvalidBundleException;
import io.casedesk.cases.model.Article;
import io.casedesk.cases.model.Customer;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a firm's data bundle (DESIGN §7) in one transaction. The bundle is read and validated completely before
 * anything is written ({@link BundleReader}); then each part is applied by the class that owns it
 * ({@link FirmImport}, {@link CustomerImport}, {@link CaseImport}, {@link ArticleImport}): each record is upserted
 * by its natural key (customer ref, case number, article id), taking its data itself ({@code takeImported}), and
 * history entries are added unless the case already has the same (at, entry). Importing the same bundle again
 * therefore changes nothing. Records absent from the bundle are left alone, except channel identities that came from
 * an earlier import of a customer in this bundle (the bundle owns those) and imported articles when the bundle has an
 * {@code articles} key (its articles are the firm's imported knowledge base: a firm imported after another answers
 * from its own articles only; articles published from the agent inbox stay, {@link ArticlePublishing}). When anything changed, a {@link FirmChanged} event leaves through the outbox with the change,
 * so services that cache firm data read it again at once.
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
        ImportTally firm = FirmImport.apply(bundle.firm());
        ImportTally customers = new ImportTally();
        Map<String, Customer> customersByRef = CustomerImport.apply(bundle.customers(), secretHasher, customers);
        ImportTally cases = CaseImport.apply(bundle.cases(), customersByRef, bundle.firm());
        ImportTally articles = ArticleImport.apply(bundle.articles(), bundle.articlesGiven());

        acceptedImports.increment();
        ImportSummary summary = ImportSummary.of(bundle, firm, customers, cases, articles);
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

    private static Set<String> storedCustomerRefs(Set<String> refs) {
        return Customer.listByRefs(refs).stream().map(c -> c.ref).collect(Collectors.toSet());
    }
}
