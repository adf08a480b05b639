package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor's pages: the action log, where a template change reads in their own language, and the queue's export
 * links; a responder has neither.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class ActionLogBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    RedisCommands<String, String> redis;

    private Browser browser;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        redis.hdel(UiLanguageStore.KEY, TestUsers.SUE, TestUsers.ANA);
    }

    @Test
    void aSupervisorSeesATemplateChangeInRomanianAndAResponderIsRefused() {
        String brand = "Brand-" + UUID.randomUUID().toString().substring(0, 6);
        Staff.admin().body(Map.of("text", "Mulțumim, {author}! Echipa " + brand)).put("/api/templates/ro/praise")
                .then().statusCode(200);

        browser = new Browser(base, "ro").login(TestUsers.SUE);
        browser.open("/actions");
        WebElement nav = browser.waitFor(By.cssSelector("nav a[href='/actions']"));
        assertEquals("page", nav.getAttribute("aria-current"));
        assertEquals("Acțiuni", nav.getText());
        browser.wait.until(d -> Integer.parseInt(String.valueOf(browser.js("return document.body.dataset.actionsLoaded || '0'"))) > 0);
        WebElement saved = browser.waitFor(By.cssSelector("#actions tr[data-action='template_saved']"));
        var cells = saved.findElements(By.tagName("td"));
        assertEquals("admin", cells.get(1).getText());
        assertEquals("șablon salvat", cells.get(2).getText(), "the action in the page's language");
        assertTrue(cells.get(3).getText().contains("ro"), cells.get(3).getText());
        assertEquals("Jurnalul acțiunilor", browser.driver.findElement(By.tagName("h1")).getText());

        // the queue's export links follow its filters, and download what the API exports
        browser.open("/");
        new Select(browser.waitFor(By.id("f-flag"))).selectByValue("question");
        try {
            browser.wait.until(d -> d.findElement(By.id("export-csv")).getAttribute("href").contains("flag=question"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("export link " + browser.js("const a = document.getElementById('export-csv');"
                    + " return a ? a.href : 'missing'") + "; console: " + browser.console(), e);
        }
        Object csv = browser.driver.executeAsyncScript("const done = arguments[0];"
                + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done)");
        assertTrue(String.valueOf(csv).startsWith("id,platform,"), String.valueOf(csv)); // fetch drops the BOM
        browser.close();

        browser = new Browser(base, "en").login(TestUsers.ANA);
        browser.open("/");
        browser.waitFor(By.id("main"));
        assertTrue(browser.all(By.cssSelector("nav a[href='/actions']")).isEmpty(), "no link for a responder");
        assertTrue(browser.all(By.id("export-csv")).isEmpty(), "no export for a responder");
        Staff.responder().redirects().follow(false).get("/actions").then().statusCode(403);
    }
}
