package io.casedesk.cases.bundle;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.casedesk.cases.DemoBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code docs/bundle.schema.json} is the schema {@link BundleSchema} generates from the bundle's records: after a
 * change to them, regenerate it with {@code -Dbundle-schema.write=true} (this test then writes it) and commit it.
 * The demo bundle passes it, and bundles the service rejects fail it at the same place.
 */
class BundleSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Path committedSchema() {
        return DemoBundle.path().getParent().getParent().getParent().resolve("docs").resolve("bundle.schema.json");
    }

    @Test
    void theCommittedSchemaIsTheOneTheRecordsGive() throws IOException {
        ObjectNode generated = BundleSchema.generate();
        if (Boolean.getBoolean("bundle-schema.write")) {
            Files.writeString(committedSchema(), generated.toPrettyString() + "\n", StandardCharsets.UTF_8);
        }

        assertThat(Files.isRegularFile(committedSchema())).as(committedSchema() + " exists").isTrue();
        // Compared as read back: numbers as JSON has them, not as the generator made them (0 and 0.0 alike).
        assertThat(MAPPER.readTree(Files.readString(committedSchema())))
                .as("docs/bundle.schema.json is stale: regenerate it with "
                        + "./mvnw -o verify -pl case-service -Dtest=BundleSchemaTest -Dbundle-schema.write=true")
                .isEqualTo(MAPPER.readTree(generated.toString()));
    }

    @Test
    void theDemoBundlePassesTheSchema() throws IOException {
        assertThat(schema().validate(DemoBundle.tree())).isEmpty();
    }

    /** Each row breaks the demo bundle at one place (a JSON pointer) with a value (JSON). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "/cases/4/status|\"lost\"|$.cases[4].status",
            "/cases/3/openedAt|\"2026-13-01\"|$.cases[3].openedAt",
            "/cases/0/history/0/at|\"2026-03-02 10:00\"|$.cases[0].history[0].at",
            "/cases/0/outstandingFee/amount|-1|$.cases[0].outstandingFee.amount",
            "/cases/0/outstandingFee/amount|\"30000\"|$.cases[0].outstandingFee.amount",
            "/cases/0/outstandingFee/currency|\"twd\"|$.cases[0].outstandingFee.currency",
            "/cases/0/title|\"  \"|$.cases[0].title",
            "/customers/0/vip|\"yes\"|$.customers[0].vip",
            "/customers/0/ref|7|$.customers[0].ref",
            "/customers/0/email|\"not an address\"|$.customers[0].email",
            "/customers/0/verificationSecret|\"123\"|$.customers[0].verificationSecret",
            "/customers/1|\"C-2\"|$.customers[1]",
            "/articles|{}|$.articles",
            "/articles/0/tags/0|\" \"|$.articles[0].tags[0]",
            "/firm/serviceHours/weekly/0/from|\"9:00\"|$.firm.serviceHours.weekly[0].from",
            "/firm/serviceHours/weekly/0/days|[\"MON\", \"XYZ\"]|$.firm.serviceHours.weekly[0].days"})
    void aBundleTheServiceRejectsFailsTheSchemaThere(String pointer, String json, String path) throws IOException {
        ObjectNode bundle = (ObjectNode) DemoBundle.tree();
        put(bundle, JsonPointer.compile(pointer), MAPPER.readTree(json));

        Set<ValidationMessage> errors = schema().validate(bundle);

        assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
                .anySatisfy(location -> assertThat(location).startsWith(path));
        assertThatThrownBy(() -> BundleReader.read(bundle, refs -> Set.of()))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path).contains(path));
    }

    @Test
    void aMissingRequiredValueFailsTheSchemaAtItsObject() throws IOException {
        ObjectNode bundle = (ObjectNode) DemoBundle.tree();
        ((ObjectNode) bundle.get("customers").get(0)).remove("name");
        ((ObjectNode) bundle.get("firm").get("serviceHours").get("dated").get(0)).remove("to");

        assertThat(schema().validate(bundle)).extracting(error -> error.getInstanceLocation().toString())
                .contains("$.customers[0]", "$.firm.serviceHours.dated[0]");
    }

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(MAPPER.readTree(Files.readString(committedSchema())), config);
    }

    private static void put(ObjectNode root, JsonPointer pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
