package io.casedesk.cases.service;

import io.casedesk.cases.view.CaseView;
import io.casedesk.cases.view.FirmView;
import io.casedesk.cases.view.IdentityView;
import io.casedesk.cases.model.CaseHistoryEntry;
import io.casedesk.cases.model.ChannelIdentity;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.CustomerCase;
import io.casedesk.cases.model.FirmSettings;
import io.casedesk.cases.model.IdentityChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Read access to the firm, its customers, their identities and their cases. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerDirectory {

    /** The customer behind a channel identity; email addresses match whatever their case. */
    public Optional<IdentityView> resolveIdentity(String channel, String externalId) {
        return IdentityChannel.fromWireName(channel)
                .flatMap(c -> ChannelIdentity.findWithCustomer(c, externalId))
                .map(IdentityView::of);
    }

    /** The customer's cases, open ones first; empty when the customer is unknown. */
    public Optional<List<CaseView>> casesOf(String customerRef, boolean includeClosed) {
        return Customer.findByRef(customerRef)
                .map(customer -> CustomerCase.listForCustomer(customer, includeClosed).stream()
                        .map(CaseView::summary).toList());
    }

    /** The case with its history, only when it belongs to the customer: case numbers cannot be probed. */
    public Optional<CaseView> caseOf(String customerRef, String number) {
        return CustomerCase.findOwnedBy(customerRef, number)
                .map(c -> CaseView.detail(c, CaseHistoryEntry.listForCase(c)));
    }

    public boolean customerExists(String customerRef) {
        return Customer.count("ref", customerRef) > 0;
    }

    public Optional<FirmView> firm() {
        return FirmSettings.current().map(FirmView::of);
    }
}
