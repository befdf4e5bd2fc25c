package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.infra.test.HeadlessChromium;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Intent;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Urgency;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent inbox in a real headless Chromium: sign in, a ticket appears live, the agent answers from the
 * keyboard, and the answer lands on cs.outbound.line.v1 on the real broker.
 */
@QuarkusTest
class InboxBrowserIT extends HandoffTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/inbox/")
    URL inbox;

    @Test
    void anAgentSignsInSeesATicketArriveLiveAndAnswersIt() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            driver.get(inbox.toString());
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            // The browser speaks English; the agent picks Chinese, which the inbox then keeps.
            assertThat(driver.findElement(By.id("login-button")).getText()).isEqualTo("Sign in");
            driver.findElement(By.cssSelector("button[data-lang='zh-Hant']")).click();
            assertThat(driver.findElement(By.id("login-button")).getText()).isEqualTo("登入");
            browser.screenshot(SCREENSHOTS.resolve("inbox-sign-in.png"));
            driver.findElement(By.id("username")).sendKeys("agent1");
            driver.findElement(By.id("password")).sendKeys("agent1", Keys.ENTER);

            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("me"), "agent1"));
            browser.waitUpTo(WAIT).until(d -> d.findElement(By.id("live-status")).getText().startsWith("●"));
            browser.waitUpTo(WAIT).until(d -> presence.isOnline("agent1"));

            // A customer asks for a person while the inbox is open: the ticket appears without a reload.
            String user = CaseServiceStandIn.KNOWN_LINE_USER;
            Envelope<HandoffRequest> request = TestEvents.handoff(
                    TestEvents.lineInbound(user, "我想知道離婚訴訟下次開庭的準備事項，麻煩請律師回覆。", clock.instant()),
                    "needs_human", Intent.CASE_STATUS, Emotion.ANXIOUS, Urgency.HIGH, "zh-Hant", null);
            broker.publish(Topics.HANDOFF, request);
            String ticketId = ticketIdOf(request);
            By row = By.cssSelector("#queue li[data-ticket-id='" + ticketId + "']");
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(row));
            browser.waitUpTo(WAIT).until(d -> d.findElement(row).getText().contains("agent1"));
            assertThat(browser.textOf(row, WAIT)).contains("張志明", "緊急");
            browser.screenshot(SCREENSHOTS.resolve("inbox-live-ticket.png"));

            // j opens it, r goes to the reply box, Enter sends.
            keys(driver, "j");
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-title"), "張志明"));
            assertThat(driver.findElement(By.id("cases")).getText()).contains("2026-FAM-0142");
            assertThat(driver.findElement(By.id("triage")).getText()).contains("case_status", "urgency:high");
            keys(driver, "r");
            WebElement reply = driver.switchTo().activeElement();
            assertThat(reply.getAttribute("id")).isEqualTo("reply-text");
            String answer = "張先生您好，我是林律師的助理。開庭前請備妥戶籍謄本與財產清單，明天上午會再與您聯繫。";
            reply.sendKeys(answer);
            reply.sendKeys(Keys.ENTER);

            Envelope<OutboundLineMessage> outbound = broker.await(Topics.OUTBOUND_LINE, request.conversationId(),
                    OutboundLineMessage.class, m -> m.answerKind() == AnswerKind.AGENT && m.texts().contains(answer));
            assertThat(outbound.payload().texts()).containsExactly(answer);
            assertThat(outbound.payload().to()).isEqualTo(user);
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#messages li.msg.agent"), answer));
            assertThat(driver.findElement(By.id("reply-text")).getAttribute("value")).isEmpty();
            browser.screenshot(SCREENSHOTS.resolve("inbox-conversation-zh.png"));

            // The same page in English, and the metrics page.
            driver.findElement(By.cssSelector("button[data-lang='en']")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("close-button"), "Close"));
            browser.screenshot(SCREENSHOTS.resolve("inbox-conversation-en.png"));
            driver.findElement(By.id("metrics-tab")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-metric='metrics.firstResponse']")));
            browser.screenshot(SCREENSHOTS.resolve("inbox-metrics-en.png"));

            // c closes the conversation: the customer is asked for a rating.
            driver.findElement(By.cssSelector("button[data-scope='open']")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(row));
            keys(driver, "j");
            browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("close-button")));
            keys(driver, "c");
            var closed = awaitTicket(ticketId, t -> "closed".equals(t.getString("ticket.state")));
            assertThat(closed.getList("messages.kind")).endsWith("system");
            assertThat(closed.getString("ticket.closeReason")).isEqualTo("agent_closed");
            browser.waitUpTo(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("reply-form")));
        }
    }

    private static void keys(WebDriver driver, String keys) {
        new Actions(driver).sendKeys(keys).perform();
    }
}
