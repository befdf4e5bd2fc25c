package io.casedesk.handoff.support;

import io.casedesk.infra.test.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

/** The inbox in a real headless Chromium, signed in through the sign-in page, with screenshots to look at. */
public final class InboxBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final HeadlessChromium browser;

    private InboxBrowser(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** Opens {@code inbox}, signs in as {@code user} (password = user name) and waits for the live feed. */
    public static InboxBrowser signIn(URL inbox, String user) {
        InboxBrowser opened = new InboxBrowser(HeadlessChromium.start());
        try {
            WebDriver driver = opened.driver();
            driver.get(inbox.toString());
            opened.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(user, Keys.ENTER);
            opened.waitUntil(ExpectedConditions.textToBe(By.id("me"), user));
            opened.waitUntil(d -> d.findElement(By.id("live-status")).getText().startsWith("●"));
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    public WebDriver driver() {
        return browser.driver();
    }

    public <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        return browser.waitUpTo(WAIT).until(condition);
    }

    /** Clicks {@code locator}, found again if the page redrew it (lists are redrawn on every live event). */
    public void click(By locator) {
        browser.click(locator, WAIT);
    }

    /** The text of {@code locator}, found again if the page redrew it while it was read. */
    public String textOf(By locator) {
        return browser.textOf(locator, WAIT);
    }

    /** The attribute {@code name} of {@code locator}, found again if the page redrew it while it was read. */
    public String attributeOf(By locator, String name) {
        return browser.attributeOf(locator, name, WAIT);
    }

    /** Saves the page as {@code target/screenshots/<name>} and prints where. */
    public Path screenshot(String name) {
        Path file = browser.screenshot(SCREENSHOTS.resolve(name));
        System.out.println("Screenshot: " + file.toAbsolutePath());
        return file;
    }

    @Override
    public void close() {
        browser.close();
    }
}
