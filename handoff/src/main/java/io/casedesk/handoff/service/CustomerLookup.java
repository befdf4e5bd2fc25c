package io.casedesk.handoff.service;

import io.casedesk.handoff.client.CaseServiceClient;
import io.casedesk.handoff.client.CaseView;
import io.casedesk.handoff.client.IdentityView;
import io.casedesk.handoff.model.CaseSummaryStatus;
import io.casedesk.schema.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who the customer is and what their open cases are, from case-service. A failure never stops a ticket: the
 * ticket is created without the summary and says so ({@link CaseSummaryStatus#UNAVAILABLE}).
 */
@ApplicationScoped
public class CustomerLookup {

    private static final Logger LOG = Logger.getLogger(CustomerLookup.class);

    /** @param salutation how to address the customer per language tag; empty when unknown */
    public record Customer(CaseSummaryStatus status, String customerRef, String name, boolean vip, List<CaseView> cases,
                           Map<String, String> salutation) {
    }

    private final CaseServiceClient caseService;

    public CustomerLookup(@RestClient CaseServiceClient caseService) {
        this.caseService = caseService;
    }

    public Customer lookup(Channel channel, String identity, String customerRef) {
        try {
            IdentityView known = identity == null || channel == Channel.UNKNOWN ? null : identity(channel, identity);
            String ref = customerRef != null ? customerRef : known == null ? null : known.customerRef();
            if (ref == null) {
                return new Customer(CaseSummaryStatus.UNKNOWN_CUSTOMER, null, null, false, List.of(), Map.of());
            }
            List<CaseView> cases = caseService.cases(ref, "open");
            return new Customer(CaseSummaryStatus.OK, ref, known == null ? null : known.name(), known != null && known.vip(),
                    cases, known == null || known.salutation() == null ? Map.of() : known.salutation());
        } catch (RuntimeException e) {
            // Names the failure, never the customer.
            LOG.warnf("Case summary unavailable: %s", e.getClass().getSimpleName());
            return new Customer(CaseSummaryStatus.UNAVAILABLE, customerRef, null, false, List.of(), Map.of());
        }
    }

    private IdentityView identity(Channel channel, String identity) {
        try (Response response = caseService.identity(channel.name().toLowerCase(Locale.ROOT), identity)) {
            return response.getStatus() == 404 ? null : response.readEntity(IdentityView.class);
        }
    }
}
