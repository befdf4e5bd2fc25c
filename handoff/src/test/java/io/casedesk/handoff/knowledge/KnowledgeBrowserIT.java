package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.HandoffCaseServiceStandIn;
import io.casedesk.handoff.support.InboxBrowser;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Knowledge tab in a real headless Chromium: a supervisor sees the gap groups ranked, opens one, edits its draft
 * and approves it, and it shows as published; the metrics page counts the gaps. Screenshots:
 * {@code target/screenshots/knowledge-*.png}.
 */
@QuarkusTest
class KnowledgeBrowserIT extends KnowledgeTestBase {

    @TestHTTPResource("/inbox/")
    URL inbox;

    @Test
    void aSupervisorEditsAGroupsDraftApprovesItAndSeesItPublished() {
        gap(CUSTODY_1, "zh-Hant", "no_article");
        gap(CUSTODY_2, "zh-Hant", "no_article");
        gap(PARKING, "zh-Hant", "no_article");
        awaitGrouped(3);

        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "supervisor")) {
            WebDriver driver = browser.driver();
            browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("metrics-tab"))).click();
            By gapsCard = By.cssSelector("[data-metric='metrics.knowledgeGaps'] .value");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(gapsCard, "3"));
            By topGaps = By.cssSelector("[data-metric='metrics.topGaps'] li");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(topGaps, "×2"));
            assertThat(browser.textOf(topGaps)).containsAnyOf(CUSTODY_1_REDACTED, CUSTODY_2);
            browser.waitUntil(d -> ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(); return true;",
                    d.findElement(topGaps)));
            browser.screenshot("knowledge-metrics.png");

            browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("knowledge-tab"))).click();
            By rows = By.cssSelector("#knowledge-rows tr");
            browser.waitUntil(ExpectedConditions.numberOfElementsToBe(rows, 2));
            // Ranked: the question asked twice first, its samples redacted. Rows are found anew for each look:
            // the list is redrawn whenever a live event arrives.
            By firstRow = By.cssSelector("#knowledge-rows tr:nth-child(1)");
            assertThat(browser.textOf(By.cssSelector("#knowledge-rows tr:nth-child(1) .gap-count"))).isEqualTo("2");
            assertThat(browser.textOf(firstRow)).contains("[phone]").doesNotContain("0912");
            assertThat(browser.textOf(By.cssSelector("#knowledge-rows tr:nth-child(2)"))).contains(PARKING);
            browser.screenshot("knowledge-groups.png");

            browser.click(firstRow);
            String zhDraft = "#knowledge-group form.knowledge-draft[data-language='zh-Hant']";
            By draft = By.cssSelector(zhDraft);
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(draft));
            // Each question says why it is a gap.
            assertThat(browser.textOf(By.id("knowledge-group"))).contains("no article");
            By title = By.cssSelector(zhDraft + " .draft-title-input");
            By body = By.cssSelector(zhDraft + " .draft-body-input");
            assertThat(browser.attributeOf(body, "value")).contains("[請在此填寫答案]");
            driver.findElement(title).clear();
            driver.findElement(title).sendKeys("離婚後子女的監護權如何決定？");
            driver.findElement(body).clear();
            driver.findElement(body).sendKeys("法院依子女的最佳利益決定監護權，會參考子女意願、父母的照顧能力與環境。");

            // The list reloads (here by opening the tab again, as a live event does): the edits are still there.
            WebElement rowBeforeReload = driver.findElement(firstRow);
            browser.click(By.id("knowledge-tab"));
            browser.waitUntil(ExpectedConditions.stalenessOf(rowBeforeReload));
            assertThat(browser.attributeOf(title, "value")).isEqualTo("離婚後子女的監護權如何決定？");
            browser.screenshot("knowledge-draft.png");
            browser.click(By.cssSelector(zhDraft + " button.approve-draft"));

            browser.waitUntil(ExpectedConditions.attributeToBe(draft, "data-state", "approved"));
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#knowledge-rows tr.published .group-status"), "supervisor"));
            browser.screenshot("knowledge-published.png");

            // The metrics page counts the published article, beside the gap rate.
            browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("metrics-tab"))).click();
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-metric='metrics.articlesPublished'] .value"), "1"));
            assertThat(browser.textOf(By.cssSelector("[data-metric='metrics.gapRate'] .label")))
                    .isNotBlank();
            browser.screenshot("knowledge-metrics-published.png");
        }

        assertThat(HandoffCaseServiceStandIn.articles).hasSize(1);
        JsonPath article = new JsonPath(HandoffCaseServiceStandIn.articles.get(0).body());
        assertThat(article.getString("title")).isEqualTo("離婚後子女的監護權如何決定？");
        assertThat(article.getString("body")).startsWith("法院依子女的最佳利益決定監護權");
        assertThat(article.getString("language")).isEqualTo("zh-Hant");
        assertThat(article.getString("source.by")).isEqualTo("supervisor");
    }

    @Test
    void agentsHaveNoKnowledgeTab() {
        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "agent1")) {
            browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("metrics-tab")));
            assertThat(browser.driver().findElement(By.id("knowledge-tab")).isDisplayed()).isFalse();
        }
    }
}
