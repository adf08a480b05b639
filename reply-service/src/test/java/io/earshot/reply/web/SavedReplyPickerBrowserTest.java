package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The item page's saved-reply picker in a real Chromium, driven by the keyboard alone; the VIP badge. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class SavedReplyPickerBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    QueueStore store;

    private Browser browser;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void altSOpensThePickerInTheItemsLanguageFirstAndEnterInsertsTheFilledTextAtTheCursor() {
        // what other test classes saved for ana or her team would sit in the list too: start from none
        for (Map<String, Object> r : Staff.as("ana").get("/api/saved-replies").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("$")) {
            String who = String.valueOf(r.get("owner")).startsWith("user:") ? "ana" : "supervisor";
            Staff.as(who).delete("/api/saved-replies/" + r.get("id")).then().statusCode(204);
        }
        String hostile = "<img src=x onerror=window.__pwned=1> Thanks {author}!";
        Staff.as("ana").body(Map.of("title", "Thanks <b>", "lang", "en", "text", hostile))
                .post("/api/saved-replies").then().statusCode(201);
        Staff.as("ana").body(Map.of("title", "Reembolso en camino", "lang", "es",
                "text", "Hola {author}, tu reembolso ya salió (caso {case}).")).post("/api/saved-replies").then().statusCode(201);
        Staff.as("ana").body(Map.of("title", "Retraso de envío", "lang", "es",
                "text", "Hola {author}, sentimos el retraso.")).post("/api/saved-replies").then().statusCode(201);
        String id = Items.newId("saved");
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "es", 70, "Lucía",
                "¿Dónde está mi reembolso?", "Hola Lucía.", Duration.ofMinutes(5)));

        browser = new Browser(base).login(TestUsers.ANA);
        browser.open("/item/" + id);
        browser.waitFor(By.id("claim")).click();
        WebElement draft = browser.driver.findElement(By.id("draft"));
        browser.wait.until(d -> !Boolean.TRUE.equals(browser.js("return arguments[0].readOnly", draft)));
        // typed, so the page knows the draft is being edited (a live update then keeps it)
        draft.sendKeys(Keys.chord(Keys.CONTROL, "a"), "[]", Keys.ARROW_LEFT);
        browser.wait.until(d -> "[]".equals(draft.getDomProperty("value")));

        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("s").keyUp(Keys.ALT).perform();
        browser.waitFor(By.cssSelector("#saved-list li[role='option']"));
        List<String> langs = browser.all(By.cssSelector("#saved-list li[role='option'] .badge")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("ES", "ES", "EN"), langs, "the item's language first");
        assertEquals("true", browser.driver.findElement(By.id("saved-0")).getDomAttribute("aria-selected"));
        // the hostile reply is shown as text, never as markup
        assertTrue(browser.driver.findElement(By.id("saved-list")).getText().contains("<img src=x"));
        assertEquals(0L, browser.js("return document.querySelectorAll('#saved-list img, #saved-list b').length"));

        WebElement filter = browser.driver.switchTo().activeElement();
        assertEquals("saved-filter", filter.getDomAttribute("id"), "typing goes to the filter");
        filter.sendKeys("reemb");
        browser.wait.until(d -> browser.all(By.cssSelector("#saved-list li[role='option']")).size() == 1);
        filter.sendKeys(Keys.ENTER);

        String expected = "[Hola Lucía, tu reembolso ya salió (caso " + QueueItems.caseReference(id) + ").]";
        browser.wait.until(d -> Boolean.FALSE.equals(browser.js("return document.getElementById('saved-picker').open")));
        assertEquals(expected, draft.getDomProperty("value"));
        assertEquals("draft", browser.driver.switchTo().activeElement().getDomAttribute("id"), "back in the draft box");
        assertEquals(null, browser.js("return window.__pwned === undefined ? null : window.__pwned"));

        // arrows choose another one; Escape closes without inserting
        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("s").keyUp(Keys.ALT).perform();
        browser.waitFor(By.cssSelector("#saved-list li[role='option']"));
        WebElement again = browser.driver.findElement(By.id("saved-filter"));
        again.sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", browser.driver.findElement(By.id("saved-1")).getDomAttribute("aria-selected"));
        again.sendKeys(Keys.ESCAPE);
        browser.wait.until(d -> Boolean.FALSE.equals(browser.js("return document.getElementById('saved-picker').open")));
        assertEquals(expected, draft.getDomProperty("value"));
        browser.screenshot("saved-picker");
    }

    @Test
    void aVipAuthorsCommentShowsATranslatedBadgeOnTheQueueAndItemPages() {
        String vip = Items.newId("vip");
        String other = Items.newId("novip");
        store.createIfAbsent(Items.item(vip, "instagram", "complaint", "es", 60, "Marta", "¿Y mi pedido?", "Hola Marta.",
                Duration.ofMinutes(3)));
        store.createIfAbsent(Items.item(other, "instagram", "complaint", "es", 60, "Pablo", "¿Y el mío?", "Hola Pablo.",
                Duration.ofMinutes(3)));
        Staff.supervisor().put("/api/vips/instagram/u-" + vip).then().statusCode(200);

        browser = new Browser(base, "es-ES,es").login(TestUsers.ANA);
        WebElement badge = browser.waitFor(By.cssSelector("li.row[data-id='" + vip + "'] .badge.vip"));
        assertEquals("VIP", badge.getText());
        assertTrue(badge.getDomAttribute("title").contains("supervisor marcó"), badge.getDomAttribute("title"));
        browser.waitFor(By.cssSelector("li.row[data-id='" + other + "']"));
        assertEquals(0, browser.all(By.cssSelector("li.row[data-id='" + other + "'] .badge.vip")).size());

        browser.open("/item/" + vip);
        assertEquals("VIP", browser.waitFor(By.id("vip")).getText());
        browser.open("/item/" + other);
        browser.waitFor(By.id("comment-text"));
        assertEquals(0, browser.all(By.id("vip")).size());
        Staff.supervisor().delete("/api/vips/instagram/u-" + vip).then().statusCode(204);
    }
}
