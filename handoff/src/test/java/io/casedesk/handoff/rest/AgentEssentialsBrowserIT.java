package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxBrowser;
import io.casedesk.handoff.support.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's daily tools in a real headless Chromium: private notes in the timeline, canned responses from the
 * reply box, marking the bot's answer wrong. Screenshots: {@code target/screenshots/essentials-*.png}.
 */
@QuarkusTest
class AgentEssentialsBrowserIT extends HandoffTestBase {

    @TestHTTPResource("/inbox/")
    URL inbox;

    @Test
    void anAgentAddsAPrivateNoteThatShowsInTheTimelineAsPrivate() {
        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "agent1")) {
            WebDriver driver = browser.driver();
            String ticketId = assignedTicket(TestEvents.newLineUser("U"), "agent1");
            open(browser, ticketId);

            String note = "Customer mentioned a second hearing; check the file before answering.";
            driver.findElement(By.id("note-text")).sendKeys(note);
            driver.findElement(By.id("note-button")).click();

            By noted = By.cssSelector("#messages li.msg.note");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(noted, note));
            WebElement item = driver.findElement(noted);
            assertThat(item.findElement(By.cssSelector(".who")).getText()).startsWith("Private note").contains("agent1");
            assertThat(driver.findElement(By.id("note-text")).getAttribute("value")).isEmpty();
            // The customer's message stays first, the note after it; neither became a message to the customer.
            assertThat(driver.findElements(By.cssSelector("#messages li")).get(0).getAttribute("class"))
                    .contains("customer");
            assertThat(awaitTicket(ticketId).getList("messages.text")).containsExactly("我要找人");
            browser.screenshot("essentials-note.png");
        }
    }

    /** Clicks the ticket's row and waits for it to open. */
    private static void open(InboxBrowser browser, String ticketId) {
        By row = By.cssSelector("#queue li[data-ticket-id='" + ticketId + "']");
        browser.waitUntil(ExpectedConditions.elementToBeClickable(row)).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("note-form")));
        browser.waitUntil(d -> ticketId.equals(d.findElement(By.cssSelector("#queue li.selected"))
                .getAttribute("data-ticket-id")));
    }
}
