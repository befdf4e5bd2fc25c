package io.casedesk.cases.service;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.model.ChannelIdentity;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.IdentityChannel;

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
 * The customers part of an import: each customer upserted by ref, with the channel identities the bundle gives it.
 * A customer counts as updated when its identities changed too.
 */
final class CustomerImport {

    private CustomerImport() {
    }

    /** @return every bundle customer by ref */
    static Map<String, Customer> apply(List<ImportBundle.Customer> bundleCustomers, SecretHasher secretHasher,
                                       ImportTally tally) {
        Map<String, Customer> stored = Customer.listByRefs(bundleCustomers.stream().map(ImportBundle.Customer::ref)
                .toList()).stream().collect(Collectors.toMap(c -> c.ref, Function.identity()));
        Map<String, Customer> customersByRef = new LinkedHashMap<>();
        Set<Customer> createdCustomers = new HashSet<>();
        Set<Customer> changedCustomers = new HashSet<>();
        for (ImportBundle.Customer data : bundleCustomers) {
            ImportedRecord<Customer> customer = ImportedRecord.upsert(stored.get(data.ref()), Customer::new,
                    c -> c.takeImported(data, secretHasher));
            if (customer.created()) {
                createdCustomers.add(customer.entity());
            } else if (customer.changed()) {
                changedCustomers.add(customer.entity());
            }
            customersByRef.put(data.ref(), customer.entity());
        }
        changedCustomers.addAll(importIdentities(bundleCustomers, customersByRef, stored.values()));
        for (Customer customer : customersByRef.values()) {
            tally.count(createdCustomers.contains(customer), changedCustomers.contains(customer));
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
            if (identity.importedFor(bundleCustomerSet) && !wanted.containsKey(IdentityKey.of(identity))) {
                changed.add(identity.customer);
                identity.delete();
            }
        }
        wanted.forEach((key, customer) -> {
            ChannelIdentity identity = existing.get(key);
            if (identity == null) {
                ChannelIdentity.addImported(key.channel(), key.externalId(), customer);
                changed.add(customer);
            } else {
                Customer holder = identity.customer;
                if (identity.takeImported(customer)) {
                    changed.add(holder);
                    changed.add(customer);
                }
            }
        });
        return changed;
    }

    private record IdentityKey(String channel, String externalId) {
        static IdentityKey of(ChannelIdentity identity) {
            return new IdentityKey(identity.channel, identity.externalId);
        }
    }
}
