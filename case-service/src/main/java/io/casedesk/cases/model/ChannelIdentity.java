package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A LINE user id or email address that belongs to a customer. */
@Entity
@Table(name = "channel_identities")
public class ChannelIdentity extends PanacheEntityBase {

    /** Identities that come from an import bundle; the bundle adds, moves and removes them. */
    public static final String SOURCE_IMPORT = "import";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code line} or {@code email}, see {@link IdentityChannel}. */
    public String channel;

    /** The id on the channel, normalized by {@link IdentityChannel#normalize(String)}. */
    @Column(name = "external_id")
    public String externalId;

    public boolean verified;

    public String source;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    /** A verified identity of {@code customer} that an import bundle names, stored. */
    public static ChannelIdentity addImported(String channel, String externalId, Customer customer) {
        ChannelIdentity identity = new ChannelIdentity();
        identity.channel = channel;
        identity.externalId = externalId;
        identity.takeImported(customer);
        identity.persist();
        return identity;
    }

    /**
     * Makes this identity {@code customer}'s as an import bundle names it: verified, owned by the import (it may move
     * from another customer). False, with nothing changed, when it already was theirs and verified.
     */
    public boolean takeImported(Customer customer) {
        if (this.customer == customer && verified) {
            return false;
        }
        this.customer = customer;
        source = SOURCE_IMPORT;
        verified = true;
        return true;
    }

    /** Whether an earlier import gave this identity to one of {@code customers}: their bundle owns it then. */
    public boolean importedFor(Set<Customer> customers) {
        return SOURCE_IMPORT.equals(source) && customers.contains(customer);
    }

    public static Optional<ChannelIdentity> findWithCustomer(IdentityChannel channel, String externalId) {
        return find("from ChannelIdentity i join fetch i.customer where i.channel = ?1 and i.externalId = ?2",
                channel.wireName(), channel.normalize(externalId)).firstResultOptional();
    }

    public static List<ChannelIdentity> listByExternalIds(Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : list("externalId in ?1", externalIds);
    }

    public static List<ChannelIdentity> listByCustomers(Collection<Customer> customers) {
        return customers.isEmpty() ? List.of() : list("customer in ?1", customers);
    }
}
