package io.casedesk.odoo.config;

import io.casedesk.odoo.client.Json2Transport;
import io.casedesk.odoo.client.JsonRpcTransport;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.client.RetryingTransport;
import io.casedesk.odoo.service.SyncMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The Odoo client of the configured protocol, with retries. */
@ApplicationScoped
public class OdooClientProducer {

    @Produces
    @ApplicationScoped
    OdooClient odooClient(OdooConfig config, SyncMetrics metrics) {
        OdooConfig.Connection connection = config.connection();
        OdooClient.Transport transport = switch (connection.protocol()) {
            case "jsonrpc" -> new JsonRpcTransport(connection.url(), connection.database().orElse(null),
                    connection.login().orElseThrow(() -> new IllegalStateException(
                            "casedesk.odoo.connection.login is required for the jsonrpc protocol")),
                    connection.apiKey(), connection.connectTimeout(), connection.timeout());
            case "json2" -> new Json2Transport(connection.url(), connection.database().orElse(null),
                    connection.apiKey(), connection.connectTimeout(), connection.timeout());
            default -> throw new IllegalStateException(
                    "casedesk.odoo.connection.protocol must be jsonrpc or json2, not " + connection.protocol());
        };
        OdooConfig.Connection.Retry retry = connection.retry();
        return new OdooClient(new RetryingTransport(transport, retry.maxRetries(), retry.initialDelay(),
                retry.maxDelay(), metrics::retried));
    }
}
