package io.casedesk.infra.test;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlessChromiumTest {

    @Test
    void rendersAPageAndSavesAScreenshot() throws Exception {
        Path screenshot = Path.of("target", "screenshots", "headless-chromium.png");
        Files.deleteIfExists(screenshot);
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.driver().get("data:text/html;charset=utf-8,<h1 id='t'>明理 CaseDesk</h1>");

            assertThat(browser.driver().findElement(By.id("t")).getText()).isEqualTo("明理 CaseDesk");
            assertThat(browser.driver().manage().window().getSize()).isEqualTo(HeadlessChromium.WINDOW);
            browser.screenshot(screenshot);
        }
        assertThat(screenshot).isRegularFile();
        // A PNG starts with its signature.
        assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
    }
}
