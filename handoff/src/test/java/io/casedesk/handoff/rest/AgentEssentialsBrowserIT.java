package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.BotHistoryTestBase;
import io.casedesk.handoff.support.InboxBrowser;
import io.casedesk.handoff.support.IngressAttachmentsStandIn;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's daily tools in a real headless Chromium: private notes in the timeline, canned responses from the
 * reply box, marking the bot's answer wrong, the files the customer sent. Screenshots:
 * {@code target/screenshots/essentials-*.png}, {@code target/screenshots/attachments-*.png}.
 */
@QuarkusTest
class AgentEssentialsBrowserIT extends BotHistoryTestBase {

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
            // Found anew for each look: the ticket is redrawn when its live event arrives.
            assertThat(browser.textOf(By.cssSelector("#messages li.msg.note .who")))
                    .startsWith("Private note").contains("agent1");
            assertThat(driver.findElement(By.id("note-text")).getAttribute("value")).isEmpty();
            // The customer's message stays first, the note after it; neither became a message to the customer.
            assertThat(browser.attributeOf(By.cssSelector("#messages li:nth-child(1)"), "class")).contains("customer");
            assertThat(awaitTicket(ticketId).getList("messages.text")).containsExactly("我要找人");
            browser.screenshot("essentials-note.png");
        }
    }

    @Test
    void aSupervisorKeepsACannedResponseAndAnAgentInsertsItWithItsShortcutFilledForTheCustomer() {
        sql("delete from canned_responses");
        String user = CaseServiceStandIn.KNOWN_LINE_USER;
        String ticketId = assignedTicket(user, "agent1");

        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "supervisor")) {
            WebDriver driver = browser.driver();
            browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("canned-tab"))).click();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("canned-form")));
            fillCanned(driver, "refund-policy", "Refunds", "{salutation}您好，我是{agent}。退費依委任契約第五條辦理。");
            By row = By.cssSelector("#canned-rows tr[data-shortcut='refund-policy']");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, "Refunds"));

            // What is wrong is said where the supervisor writes.
            fillCanned(driver, "fees", "Fees", "{name}您好");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("canned-error"),
                    "Unknown placeholder {name}"));
            driver.findElement(By.id("canned-cancel")).click();

            // Edited: a new title.
            browser.click(By.cssSelector("#canned-rows tr[data-shortcut='refund-policy'] button.edit"));
            WebElement title = driver.findElement(By.id("canned-title"));
            title.clear();
            title.sendKeys("退費說明");
            driver.findElement(By.id("canned-save")).click();
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(row, "退費說明"));
            browser.screenshot("essentials-canned-admin.png");
        }

        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "agent1")) {
            WebDriver driver = browser.driver();
            open(browser, ticketId);
            WebElement reply = driver.findElement(By.id("reply-text"));
            reply.click();
            reply.sendKeys("/ref");
            By offered = By.cssSelector("#canned-picker li[data-shortcut='refund-policy']");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(offered));
            assertThat(browser.textOf(offered)).contains("/refund-policy", "退費說明", "張先生您好");
            browser.screenshot("essentials-canned-picker.png");

            reply.sendKeys(Keys.ENTER);
            String filled = "張先生您好，我是agent1。退費依委任契約第五條辦理。";
            browser.waitUntil(d -> filled.equals(reply.getAttribute("value")));
            assertThat(driver.findElement(By.id("canned-picker")).isDisplayed()).isFalse();
            browser.screenshot("essentials-canned-inserted.png");

            reply.sendKeys(Keys.ENTER);
            OutboundLineMessage sent = broker.await(Topics.OUTBOUND_LINE, TestEvents.lineConversation(user),
                    OutboundLineMessage.class, m -> m.texts().contains(filled)).payload();
            assertThat(sent.texts()).containsExactly(filled);
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#messages li.msg.agent"), filled));
        }
    }

    @Test
    void anAgentMarksTheBotsAnswerWrongInTheHistoryAndTheMetricsCountIt() {
        String ticketId = ticketWithBotAnswer(TestEvents.newLineUser("U"), "agent1");
        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "agent1")) {
            WebDriver driver = browser.driver();
            open(browser, ticketId);
            By answer = By.cssSelector("#history li[data-turn='" + ANSWER_TURN + "']");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(answer, BOT_ANSWER));
            assertThat(driver.findElements(By.cssSelector("#history li[data-turn='0'] button.mark-wrong")))
                    .as("the customer's question cannot be marked").isEmpty();

            browser.click(By.cssSelector("#history li[data-turn='" + ANSWER_TURN + "'] button.mark-wrong"));
            String right = "Fees follow the engagement letter; a colleague will call you with the details.";
            WebElement text = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#history .right-answer-text")));
            assertThat(driver.switchTo().activeElement()).isEqualTo(text);
            text.sendKeys(right);
            driver.findElement(By.cssSelector("#history button.save-wrong")).click();

            By marked = By.cssSelector("#history li[data-turn='" + ANSWER_TURN + "'] .feedback.marked");
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(marked, right));
            assertThat(browser.textOf(marked)).contains("Marked wrong", "agent1");
            browser.screenshot("essentials-marked-wrong.png");
            assertThat(count("select count(*) from answer_feedback where correct_answer = '" + right + "'")).isEqualTo(1);

            driver.findElement(By.id("metrics-tab")).click();
            By card = By.cssSelector("[data-metric='metrics.markedWrong'] .value");
            browser.waitUntil(ExpectedConditions.textToBe(card, "1"));
            browser.screenshot("essentials-metrics.png");
        }
    }

    @Test
    void anImageTheCustomerSentShowsInTheTicketAsAThumbnailWithItsDownload() throws Exception {
        String user = TestEvents.newLineUser("U");
        String ticketId = assignedTicket(user, "agent1");
        Envelope<InboundMessage> image = TestEvents.lineImage(user, clock.instant());
        String messageId = image.payload().line().messageId();
        IngressAttachmentsStandIn.put(messageId, messageId, "image/png", png());
        broker.publish(Topics.INBOUND, image);
        awaitTicket(ticketId, t -> "stored".equals(t.getString("attachments[0].state")));

        try (InboxBrowser browser = InboxBrowser.signIn(inbox, "agent1")) {
            WebDriver driver = browser.driver();
            open(browser, ticketId);
            By stored = By.cssSelector("#attachments li.attachment.stored");
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(stored));
            assertThat(browser.textOf(stored)).contains("image", "image/png");
            assertThat(browser.attributeOf(By.cssSelector("#attachments li.attachment.stored a.download"), "href"))
                    .matches(".*/api/v1/inbox/tickets/" + ticketId + "/attachments/\\d+$");
            // The thumbnail was loaded through the inbox's session, and drawn.
            By thumb = By.cssSelector("#attachments li.attachment.stored img.thumb");
            browser.waitUntil(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].naturalWidth", d.findElement(thumb))).intValue() == 48);
            browser.screenshot("attachments-ticket.png");
        }
    }

    /** A 48 x 32 PNG, drawn here: a real image for the browser to decode. */
    private static byte[] png() throws IOException {
        BufferedImage picture = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = picture.createGraphics();
        pen.setColor(new Color(0x2b6cb0));
        pen.fillRect(0, 0, 48, 32);
        pen.setColor(Color.WHITE);
        pen.fillOval(12, 6, 24, 20);
        pen.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }

    private static void fillCanned(WebDriver driver, String shortcut, String title, String body) {
        for (String[] field : new String[][] {{"canned-shortcut", shortcut}, {"canned-title", title},
                {"canned-body", body}}) {
            WebElement input = driver.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        driver.findElement(By.id("canned-save")).click();
    }

    /** Clicks the ticket's row and waits for it to open. */
    private static void open(InboxBrowser browser, String ticketId) {
        By row = By.cssSelector("#queue li[data-ticket-id='" + ticketId + "']");
        browser.waitUntil(ExpectedConditions.elementToBeClickable(row));
        browser.click(row); // the queue is redrawn on every live event: found again if it was
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("note-form")));
        browser.waitUntil(d -> ticketId.equals(d.findElement(By.cssSelector("#queue li.selected"))
                .getAttribute("data-ticket-id")));
    }
}
