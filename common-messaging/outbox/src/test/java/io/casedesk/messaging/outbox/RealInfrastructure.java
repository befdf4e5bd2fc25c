package io.casedesk.messaging.outbox;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The tests' application runs against a real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(KafkaTestResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
