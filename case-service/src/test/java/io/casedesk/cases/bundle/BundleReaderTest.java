package io.casedesk.cases.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.cases.DemoBundle;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BundleReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final BundleReader.StoredCustomers NONE_STORED = refs -> Set.of();

    @Test
    void readsTheDemoBundleAsItIs() throws Exception {
        ImportBundle bundle = BundleReader.read(MAPPER.readTree(DemoBundle.json()), NONE_STORED);

        assertThat(bundle.customers()).hasSize(12);
        assertThat(bundle.cases()).hasSize(18);
        assertThat(bundle.articles()).hasSize(24);
        assertThat(bundle.firm().timezone()).isEqualTo("Asia/Taipei");
        assertThat(bundle.firm().serviceHours().weekly()).hasSize(2);
        assertThat(bundle.firm().serviceHours().dated()).anySatisfy(day -> {
            assertThat(day.date()).isEqualTo("2026-12-25");
            assertThat(day.closed()).isTrue();
        });

        ImportBundle.Customer chang = bundle.customers().get(0);
        assertThat(chang.ref()).isEqualTo("C-1001");
        assertThat(chang.salutation()).containsEntry("zh-Hant", "張先生").containsEntry("en", "Mr. Chang");
        assertThat(chang.toString()).doesNotContain(chang.verificationSecret());

        ImportBundle.Case divorce = bundle.cases().get(0);
        assertThat(divorce.number()).isEqualTo("2026-FAM-0142");
        assertThat(divorce.nextStepDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(divorce.outstandingFeeAmount()).isEqualByComparingTo(new BigDecimal("30000"));
        assertThat(divorce.history().get(0).at()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    void ignoresUnknownKeysAndReadsMissingValuesAsNull() throws Exception {
        JsonNode document = MAPPER.readTree("""
                {"customers": [{"ref": "C-1", "name": "A", "favouriteColour": "green", "email": " A@Example.COM "}],
                 "cases": [{"number": "N-1", "customerRef": "C-1", "title": "T", "status": "intake", "extra": {}}],
                 "somethingNew": true}
                """);

        ImportBundle bundle = BundleReader.read(document, NONE_STORED);

        assertThat(bundle.firm()).isNull();
        assertThat(bundle.articles()).isEmpty();
        ImportBundle.Customer customer = bundle.customers().get(0);
        assertThat(customer.email()).isEqualTo("a@example.com");
        assertThat(customer.lineUserId()).isNull();
        assertThat(customer.language()).isNull();
        assertThat(customer.vip()).isFalse();
        ImportBundle.Case customerCase = bundle.cases().get(0);
        assertThat(customerCase.nextStepDate()).isNull();
        assertThat(customerCase.outstandingFeeAmount()).isNull();
        assertThat(customerCase.history()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsPath() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree(DemoBundle.json());
        ArrayNode cases = (ArrayNode) document.get("cases");
        ((ObjectNode) cases.get(0)).put("customerRef", "C-9999");
        ((ObjectNode) cases.get(1)).put("number", cases.get(2).get("number").asText());
        ((ObjectNode) cases.get(3)).put("openedAt", "2026-02-30");
        ((ObjectNode) cases.get(4)).put("status", "lost");
        ((ObjectNode) cases.get(5).get("history").get(0)).put("at", "2026-03-02 10:00");
        ((ObjectNode) document.get("customers").get(1)).put("ref", "C-1001");
        ((ObjectNode) document.get("customers").get(2)).put("email", "CHANG.chihming@example.com");
        ((ObjectNode) document.get("firm")).put("timezone", "Mars/Olympus");

        assertThatThrownBy(() -> BundleReader.read(document, NONE_STORED))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path)
                        .containsExactlyInAnyOrder(
                                "$.firm.timezone",
                                "$.customers[1].ref",
                                "$.customers[2].email",
                                "$.cases[0].customerRef",
                                // C-1002 was renamed away above, so its case now names an unknown customer.
                                "$.cases[1].customerRef",
                                "$.cases[2].number",
                                "$.cases[3].openedAt",
                                "$.cases[4].status",
                                "$.cases[5].history[0].at"));
    }

    @Test
    void acceptsVerificationSecretsOfFourToSixtyFourCharactersWithoutSpaces() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree(DemoBundle.json());
        ArrayNode customers = (ArrayNode) document.get("customers");
        String longSecret = "k7Q2-x9Lm-4Rt8-Zp3W-" + "a".repeat(44);
        ((ObjectNode) customers.get(0)).put("verificationSecret", longSecret);
        ((ObjectNode) customers.get(1)).put("verificationSecret", "案件密碼二〇二六");

        ImportBundle bundle = BundleReader.read(document, NONE_STORED);

        assertThat(longSecret).hasSize(64);
        assertThat(bundle.customers().get(0).verificationSecret()).isEqualTo(longSecret);
        assertThat(bundle.customers().get(1).verificationSecret()).isEqualTo("案件密碼二〇二六");

        ((ObjectNode) customers.get(0)).put("verificationSecret", longSecret + "b");
        ((ObjectNode) customers.get(1)).put("verificationSecret", "123");
        ((ObjectNode) customers.get(2)).put("verificationSecret", "48 21");
        assertThatThrownBy(() -> BundleReader.read(document, NONE_STORED))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> {
                    assertThat(e.problems()).extracting(BundleProblem::path).containsExactly(
                            "$.customers[0].verificationSecret", "$.customers[1].verificationSecret",
                            "$.customers[2].verificationSecret");
                    assertThat(e.problems()).extracting(BundleProblem::message)
                            .allMatch(message -> !message.contains("48 21") && !message.contains("123"));
                });
    }

    @Test
    void acceptsCasesOfCustomersStoredEarlier() throws Exception {
        JsonNode document = MAPPER.readTree("""
                {"cases": [{"number": "N-1", "customerRef": "C-OLD", "title": "T", "status": "closed"},
                           {"number": "N-2", "customerRef": "C-NEW", "title": "T", "status": "closed"}]}
                """);

        assertThatThrownBy(() -> BundleReader.read(document, refs -> Set.of("C-OLD")))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path, BundleProblem::message)
                        .containsExactly(tuple("$.cases[1].customerRef", "names unknown customer C-NEW")));
    }

    @Test
    void rejectsWrongTypesAndMissingRequiredValues() throws Exception {
        JsonNode document = MAPPER.readTree("""
                {"customers": [{"ref": 7, "vip": "yes"}, "C-2"],
                 "articles": {"id": "a"},
                 "cases": [{"number": "N-1", "customerRef": "C-X", "title": "T", "status": "intake",
                            "outstandingFee": {"amount": "30000", "currency": "twd"}}]}
                """);

        assertThatThrownBy(() -> BundleReader.read(document, refs -> Set.of("C-X")))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path)
                        .containsExactlyInAnyOrder(
                                "$.customers[0].ref",
                                "$.customers[0].name",
                                "$.customers[0].vip",
                                "$.customers[1]",
                                "$.articles",
                                "$.cases[0].outstandingFee.amount",
                                "$.cases[0].outstandingFee.currency"));
    }

    @Test
    void quotesKeysAsTheyAreAndReportsTextWhereAnObjectBelongs() throws Exception {
        JsonNode document = MAPPER.readTree("""
                {"customers": [{"ref": "C-{1}${1+1}", "name": "A"}, {"ref": "C-{1}${1+1}", "name": "B"}],
                 "cases": [{"number": "N-1", "customerRef": "C-{2}", "title": "T", "status": "intake", "nextStep": ""}],
                 "articles": " "}
                """);

        assertThatThrownBy(() -> BundleReader.read(document, NONE_STORED))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path, BundleProblem::message)
                        .containsExactly(
                                tuple("$.articles", "must be an array"),
                                tuple("$.cases[0].customerRef", "names unknown customer C-{2}"),
                                tuple("$.cases[0].nextStep", "must be an object"),
                                tuple("$.customers[1].ref", "duplicate customer ref C-{1}${1+1} (also at $.customers[0])")));
    }

    @Test
    void rejectsADocumentThatIsNotAnObject() throws Exception {
        assertThatThrownBy(() -> BundleReader.read(MAPPER.readTree("[]"), NONE_STORED))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::path).containsExactly("$"));
        assertThatThrownBy(() -> BundleReader.read(null, NONE_STORED)).isInstanceOf(InvalidBundleException.class);
    }
}
