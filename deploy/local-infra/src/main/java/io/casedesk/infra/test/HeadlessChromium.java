package io.casedesk.infra.test;

import io.casedesk.infra.Directories;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by Debian's
 * {@code /usr/bin/chromedriver}, with a fresh profile, flags for running as root without a sandbox, and
 * nothing that reaches out to the network on its own (no sync, no component updates, no Selenium Manager
 * download). Both binaries are required: a test that needs a browser fails, with the command that installs
 * them, rather than being skipped.
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.driver().get(url);
 *     browser.screenshot(Path.of("target/screenshots/page.png"));
 * }
 * }</pre>
 * The module using it declares {@code org.seleniumhq.selenium:selenium-java} as a test dependency.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String INSTALL_COMMAND = "apt-get install -y chromium chromium-driver";
    public static final Dimension WINDOW = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser; fails with the install command when chromium or chromedriver is missing. */
    public static HeadlessChromium start() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromedriver");
        // Selenium Manager would otherwise try to download a driver; the system one is the only one used.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = createProfileDirectory();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox", // tests may run as root, where Chromium's sandbox refuses to start
                        "--disable-gpu",
                        "--disable-dev-shm-usage", // container /dev/shm is often too small
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(WINDOW);
            return new HeadlessChromium(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new IllegalStateException("Could not start " + CHROMIUM + " through " + CHROMEDRIVER
                    + " (are they the same version? reinstall with: " + INSTALL_COMMAND + ")", e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * A wait on this browser, for conditions such as {@code ExpectedConditions.visibilityOfElementLocated}. A condition
     * that reads an element the page has just redrawn (lists redrawn on every live event) is asked again, not failed.
     */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Finds {@code locator} and clicks it, finding it again when the page drew it anew in between. */
    public void click(By locator, Duration timeout) {
        waitUpTo(timeout).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** The text of {@code locator}, found again when the page redrew it while it was read. */
    public String textOf(By locator, Duration timeout) {
        return waitUpTo(timeout).until(d -> d.findElement(locator).getText());
    }

    /** The attribute {@code name} of {@code locator}, found again when the page redrew it while it was read. */
    public String attributeOf(By locator, String name, Duration timeout) {
        return waitUpTo(timeout).until(d -> d.findElement(locator).getAttribute(name));
    }

    /** Saves a PNG of the visible window to {@code file}, creating its directory; returns the file. */
    public Path screenshot(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void requireExecutable(Path binary, String what) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Browser tests need " + what + " at " + binary
                    + "; install it with: " + INSTALL_COMMAND);
        }
    }

    private static Path createProfileDirectory() {
        try {
            return Files.createTempDirectory("casedesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a browser profile directory", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            // A leftover profile in the temp directory is harmless.
        }
    }
}
