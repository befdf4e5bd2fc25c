package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.infra.test.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's page in a real (headless) Chromium: a person picks a demo customer, writes, and sees the
 * bot's loading animation and push arrive live. The bot is a small HTTP server that acknowledges the webhook
 * and then calls the simulator's Messaging API with the channel token, as ingress-line does. Screenshots go
 * to {@code target/screenshots/}.
 */
class SimulatorPageBrowserTest {

    private static final Path DEMO_BUNDLE = Path.of("..", "demo-data", "lawfirm-demo.json");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHANG = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final String ANSWER = "張先生您好，您的離婚訴訟案件（2026-FAM-0142）目前在調解程序。";

    private static FakeBot bot;
    private static LineSimulator line;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        bot = FakeBot.start();
        UsersBundle demo = UsersBundle.read(DEMO_BUNDLE);
        line = LineSimulator.start(SimulatorConfig.forTests().withUsers(demo.users()).withBotName(demo.firmName())
                .withWebhookUrl(bot.webhookUrl()));
        bot.talkingTo(line);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        line.close();
        bot.close();
    }

    @Test
    void aPersonWritesAsADemoCustomerAndSeesTheBotsAnswerArriveLive() throws Exception {
        bot.behave(webhook -> {
            FakeBot.later(() -> {
                bot.startLoading(CHANG, 10);
                Thread.sleep(1500); // long enough to see the loading animation
                bot.push(CHANG, null, ANSWER);
            });
            return 200;
        });
        WebDriver page = browser.driver();
        WebDriverWait wait = openPage("/", "zh-Hant");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("LINE 模擬器");
        // The firm's name in the page's language, from the bundle's "明理法律事務所 / Mingli Law Offices".
        assertThat(page.findElement(By.id("bot-name")).getText()).isEqualTo("明理法律事務所");
        assertThat(page.findElements(By.cssSelector("#customers .person"))).hasSize(11);
        assertThat(page.findElements(By.cssSelector("#strangers .person"))).hasSizeGreaterThanOrEqualTo(2);

        page.findElement(By.cssSelector("button.person[data-ref='C-1001']")).click();
        assertThat(page.findElement(By.id("chat-subtitle")).getText()).contains("張志明", "C-1001");
        browser.screenshot(SCREENSHOTS.resolve("01-page.png"));

        WebElement input = page.findElement(By.id("input"));
        input.sendKeys("我的案件進度如何？", Keys.ENTER);

        JsonNode webhook = bot.received.poll(10, TimeUnit.SECONDS);
        assertThat(webhook).isNotNull();
        assertThat(webhook.path("events").get(0).path("source").path("userId").asText()).isEqualTo(CHANG);
        assertThat(webhook.path("events").get(0).path("message").path("text").asText()).isEqualTo("我的案件進度如何？");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".row[data-kind='customer']"), "我的案件進度如何？"));
        assertThat(input.getAttribute("value")).isEmpty();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
        browser.screenshot(SCREENSHOTS.resolve("02-bot-typing.png"));

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".row[data-kind='bot'][data-method='push']")));
        assertThat(answer.getText()).contains(ANSWER, "明理法律事務所", "自動回覆", "推播");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("typing")));

        bot.push(CHANG, "王律師", "張先生您好，我是承辦律師王律師，稍後與您聯絡。");
        WebElement agent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row.from-agent")));
        assertThat(agent.getText()).contains("王律師", "專人");
        browser.screenshot(SCREENSHOTS.resolve("03-answers.png"));
    }

    @Test
    void shiftEnterIsANewLineAndARefusedWebhookIsShownAsAnError() throws Exception {
        bot.behave(webhook -> 401);
        WebDriver page = browser.driver();
        WebDriverWait wait = openPage("/#C-1010", "en");
        assertThat(page.findElement(By.id("chat-subtitle")).getText()).contains("Daniel Whitfield");
        assertThat(page.findElement(By.id("bot-name")).getText()).isEqualTo("Mingli Law Offices");

        WebElement input = page.findElement(By.id("input"));
        input.sendKeys("Where is my case?", Keys.chord(Keys.SHIFT, Keys.ENTER), "Case 2026-CIV-0001");
        assertThat(input.getAttribute("value")).isEqualTo("Where is my case?\nCase 2026-CIV-0001");
        assertThat(bot.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        input.sendKeys(Keys.ENTER);

        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(banner.getText()).contains("refused", "HTTP 401");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".failed-note"), "HTTP 401"));
        assertThat(bot.received.poll(5, TimeUnit.SECONDS).path("events").get(0).path("message").path("text").asText())
                .isEqualTo("Where is my case?\nCase 2026-CIV-0001");
        browser.screenshot(SCREENSHOTS.resolve("04-webhook-refused.png"));

        bot.behave(webhook -> 200);
        page.findElement(By.id("tray-toggle")).click();
        page.findElement(By.cssSelector("#sticker-row button[data-sticker-id='52002734']")).click();
        JsonNode sticker = bot.received.poll(10, TimeUnit.SECONDS).path("events").get(0).path("message");
        assertThat(sticker.path("type").asText()).isEqualTo("sticker");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("banner")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row[data-kind='customer'] .sticker")));

        page.findElement(By.xpath("//button[contains(@class,'chip') and text()='I want to talk to a person']")).click();
        assertThat(bot.received.poll(10, TimeUnit.SECONDS).path("events").get(0).path("message").path("text").asText())
                .isEqualTo("I want to talk to a person");
        browser.screenshot(SCREENSHOTS.resolve("05-sticker-and-example.png"));
    }

    /** Opens the page at {@code path}, waits for its live connection and switches it to {@code language}. */
    private static WebDriverWait openPage(String path, String language) {
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(10));
        browser.driver().get(line.baseUrl() + path);
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        browser.driver().findElement(By.cssSelector(".lang-switch button[data-lang='" + language + "']")).click();
        return wait;
    }
}
