package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One staff member's browser: Debian's headless Chromium driven by Selenium. The tests install nothing: without
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} they fail and say which packages to install.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("EARSHOT_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("EARSHOT_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final URL base;

    static void requireChromium() {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "The dashboard's browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (as .ci/run does)");
    }

    Browser(URL base) {
        this(base, "en-US");
    }

    /** @param acceptLanguage the languages the browser asks for, most wanted first, without weights ("ar-EG,ar") */
    Browser(URL base, String acceptLanguage) {
        requireChromium();
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=" + acceptLanguage.split(",")[0], "--window-size=1280,900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        wait = waiting(Duration.ofSeconds(15));
    }

    /** A wait that retries when the page re-rendered the element it was reading (live updates do that). */
    WebDriverWait waiting(Duration timeout) {
        WebDriverWait w = new WebDriverWait(driver, timeout);
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    String url(String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    /** Signs in through the login form and waits for the queue page. */
    Browser login(String user) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        return this;
    }

    /** Waits until the page's live stream said hello. */
    void awaitLive() {
        wait.until(d -> "on".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-live"))
                || "on".equals(driver.executeScript("return document.body.dataset.live")));
    }

    WebElement waitFor(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("not shown: " + by + " (screenshot " + shot + ", console: " + console() + ")", e);
        }
    }

    /** What the page's scripts logged, for failure messages. */
    String console() {
        try {
            return String.valueOf(driver.manage().logs().get("browser").getAll());
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    List<WebElement> all(By by) {
        return driver.findElements(By.cssSelector("html")).isEmpty() ? List.of() : driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves what the page looks like under target/screenshots for a person to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
