package io.casedesk.odoo.it;

import io.casedesk.odoo.client.Json2Transport;
import io.casedesk.odoo.client.JsonRpcTransport;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.client.OdooException;
import io.casedesk.odoo.client.RetryingTransport;
import io.casedesk.odoo.support.ConnectorTestResource;
import io.casedesk.odoo.support.OdooUnderTest;
import io.casedesk.odoostandin.OdooStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads retried with back-off while Odoo is unavailable (SmallRye Fault Tolerance); writes never retried blindly. */
@QuarkusTest
@QuarkusTestResource(ConnectorTestResource.class)
class OdooRetryIT {

    @ParameterizedTest
    @ValueSource(strings = {"jsonrpc", "json2"})
    void readsAreRetriedWhileOdooIsUnavailableAndWritesAreNot(String protocol) {
        OdooStandIn standIn = OdooUnderTest.standIn().orElse(null);
        assumeTrue(standIn != null, "needs the stand-in to play an Odoo that is down");
        OdooClient plain = OdooUnderTest.client(protocol);
        long partner = plain.create("res.partner", Map.of("name", "Retry test"));
        AtomicInteger retries = new AtomicInteger();
        OdooClient.Transport transport = "json2".equals(protocol)
                ? new Json2Transport(OdooUnderTest.url(), OdooUnderTest.database(), OdooUnderTest.apiKey(),
                        Duration.ofSeconds(2), Duration.ofSeconds(10))
                : new JsonRpcTransport(OdooUnderTest.url(), OdooUnderTest.database(), OdooUnderTest.login(),
                        OdooUnderTest.apiKey(), Duration.ofSeconds(2), Duration.ofSeconds(10));
        OdooClient retrying = new OdooClient(new RetryingTransport(transport, 3, Duration.ofMillis(50),
                Duration.ofMillis(200), retries::incrementAndGet));
        retrying.search("res.partner", List.of(), Map.of());

        standIn.fault(OdooStandIn.Fault.unavailableFault());
        try {
            assertThatThrownBy(() -> retrying.search("res.partner", List.of(), Map.of()))
                    .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.isTransient()).isTrue());
            assertThat(retries.get()).isEqualTo(3);
            assertThatThrownBy(() -> retrying.messagePost("res.partner", partner, Map.of("body", "x")))
                    .isInstanceOf(OdooException.class);
            assertThat(retries.get()).as("message_post is not retried blindly").isEqualTo(3);
        } finally {
            standIn.fault(OdooStandIn.Fault.NONE);
        }
        assertThat(retrying.search("res.partner", List.of(List.of("id", "=", partner)), Map.of())).containsExactly(partner);
    }
}
