package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
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
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The dashboard in a real headless Chromium: sign in, the queue, hostile comments, scripts, live updates, stats. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class DashboardBrowserTest {

    static final String IMG_XSS = "<img src=x onerror=alert(1)>";
    static final String SCRIPT_XSS = "\"><script>window.__pwned=1;alert(2)</script>";
    static final String ARABIC = "الخدمة كانت سيئة جداً، متى سيصل طلبي؟";

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

    /** The text of a part of a row, read again if a live update re-rendered the row meanwhile. */
    private String rowText(String id, String css) {
        row(id);
        return browser.wait.until(d -> d.findElement(By.cssSelector("li.row[data-id='" + id + "'] " + css)).getText());
    }

    private WebElement row(String id) {
        return browser.waitFor(By.cssSelector("li.row[data-id='" + id + "']"));
    }

    @Test
    @Order(1)
    void signInAndSeeTheQueueMostUrgentFirstWithBadgesSlaAndScripts() {
        String urgent = Items.newId("urgent");
        String calm = Items.newId("calm");
        String ru = Items.newId("ru");
        String te = Items.newId("te");
        store.createIfAbsent(Items.item(Items.newId("ar"), "instagram", "complaint", "ar", 60, "مريم", ARABIC,
                "مرحباً مريم، نأسف لذلك.", Duration.ofMinutes(12)));
        store.createIfAbsent(Items.item(urgent, "facebook", "complaint", "es", 95, "Lucía Pérez",
                "Llevo tres semanas esperando el reembolso y nadie contesta. ¿Qué pasa?", "Hola Lucía, lo sentimos…",
                Duration.ofMinutes(75)));
        store.createIfAbsent(Items.item(calm, "instagram", "praise", "en", 5, "Sam", "Love the new café menu ☕😍",
                "Thank you Sam!", Duration.ofMinutes(3)));
        store.createIfAbsent(Items.item(ru, "youtube", "neutral", "ru", 30, "Дмитрий", "Когда откроется новый магазин в Казани?",
                "Здравствуйте, Дмитрий!", Duration.ofMinutes(20)));
        store.createIfAbsent(Items.item(te, "x", "praise", "te", 20, "సాయి", "మీ సేవ చాలా బాగుంది, ధన్యవాదాలు!",
                "ధన్యవాదాలు సాయి!", Duration.ofMinutes(10)));
        browser = new Browser(base).login(TestUsers.ANA);

        row(urgent);
        row(calm);
        var ids = browser.driver.findElements(By.cssSelector("li.row")).stream().map(e -> e.getDomAttribute("data-id"))
                .filter(id -> id.equals(urgent) || id.equals(calm)).toList();
        assertEquals(java.util.List.of(urgent, calm), ids, "most urgent first");
        assertEquals("complaint", rowText(urgent, ".badge.complaint"));
        assertEquals("P95", rowText(urgent, ".badge.prio-high"));
        assertTrue(rowText(urgent, ".sla.breached").startsWith("SLA breached"), "a complaint 75 minutes old broke its 1 h SLA");
        assertTrue(rowText(calm, ".text").contains("☕😍"), "emoji intact");
        assertEquals("Когда откроется новый магазин в Казани?", rowText(ru, ".text"));
        assertEquals("మీ సేవ చాలా బాగుంది, ధన్యవాదాలు!", rowText(te, ".text"));
        browser.js("return document.fonts.ready");
        assertEquals(Boolean.TRUE, browser.js("return document.fonts.check('16px \"Noto Sans Telugu\"', 'సాయి')"));

        browser.driver.findElement(By.id("f-label")).sendKeys("praise");
        browser.wait.until(d -> d.findElements(By.cssSelector("li.row[data-id='" + urgent + "']")).isEmpty());
        row(calm);
        browser.driver.findElement(By.id("f-label")).sendKeys(Keys.HOME);
        row(urgent);
        browser.screenshot("queue");
    }

    @Test
    void hostileCommentsShowAsTextAndRunNothing() {
        String img = Items.newId("xss-img");
        String script = Items.newId("xss-script");
        store.createIfAbsent(Items.item(img, "facebook", "complaint", "en", 99, "<svg onload=alert(3)>", IMG_XSS,
                "Hi <b onmouseover=alert(4)>there</b>", Duration.ofMinutes(1)));
        store.createIfAbsent(Items.item(script, "mastodon", "complaint", "en", 99, "\" onfocus=\"alert(5)", SCRIPT_XSS,
                "<script>alert(6)</script>", Duration.ofMinutes(1)));
        browser = new Browser(base).login(TestUsers.ANA);

        assertEquals(IMG_XSS, rowText(img, ".text"));
        assertEquals(SCRIPT_XSS, rowText(script, ".text"));
        assertEquals("<svg onload=alert(3)>", rowText(img, ".name"));
        assertInert();
        browser.screenshot("queue-hostile");

        browser.open("/item/" + img);
        browser.waitFor(By.id("comment-text"));
        browser.wait.until(d -> IMG_XSS.equals(d.findElement(By.id("comment-text")).getText()));
        assertEquals("Hi <b onmouseover=alert(4)>there</b>", browser.driver.findElement(By.id("draft")).getDomProperty("value"));
        assertInert();
        browser.screenshot("item-hostile");
    }

    private void assertInert() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert(), "no dialog opened");
        assertEquals(0L, browser.js("return document.querySelectorAll('main img, main svg, main script, main b').length"),
                "no element injected");
        assertNull(browser.js("return window.__pwned === undefined ? null : window.__pwned"), "no script ran");
    }

    @Test
    void arabicReadsRightToLeftInsideALeftToRightPage() {
        String ar = Items.newId("ar");
        store.createIfAbsent(Items.item(ar, "facebook", "complaint", "ar", 80, "مريم", ARABIC, "مرحباً مريم، نأسف لذلك.",
                Duration.ofMinutes(5)));
        browser = new Browser(base).login(TestUsers.ANA);

        assertEquals(ARABIC, rowText(ar, ".text"));
        String sel = "li.row[data-id='" + ar + "'] .text";
        assertEquals("auto", browser.js("return document.querySelector(arguments[0]).getAttribute('dir')", sel));
        assertEquals("rtl", browser.js("return getComputedStyle(document.querySelector(arguments[0])).direction", sel));
        assertEquals("ltr", browser.js("return getComputedStyle(document.body).direction"));
        browser.js("return document.fonts.ready");
        assertEquals(Boolean.TRUE, browser.js("return document.fonts.check('16px \"Noto Sans Arabic\"', 'مريم')"));

        browser.open("/item/" + ar);
        WebElement comment = browser.waitFor(By.id("comment-text"));
        browser.wait.until(d -> ARABIC.equals(comment.getText()));
        assertEquals("rtl", browser.js("return getComputedStyle(arguments[0]).direction", comment));
        WebElement draft = browser.driver.findElement(By.id("draft"));
        assertEquals("rtl", browser.js("return getComputedStyle(arguments[0]).direction", draft));
        browser.screenshot("item-arabic");
    }

    @Test
    void aNewCommentAppearsWithoutReload() throws Exception {
        browser = new Browser(base).login(TestUsers.BEN);
        browser.awaitLive();
        browser.js("window.__sameDocument = 'yes'");
        String id = Items.newId("live");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.COMMENTS_TRIAGED, "facebook:post-9",
                    triaged(id, "El pedido llegó roto"))).get();
        }
        assertEquals("El pedido llegó roto", rowText(id, ".text"));
        assertEquals("yes", browser.js("return window.__sameDocument"), "the page was not reloaded");
    }

    static String triaged(String id, String text) {
        return """
                {"eventId":"t-%1$s","comment":{"eventId":"i-%1$s","commentId":"%1$s","version":1,"action":"created",
                 "platform":"facebook","externalId":"x-%1$s","threadId":"post-9",
                 "author":{"id":"u1","handle":"lucia","displayName":"Lucía"},"text":"%2$s",
                 "createdAt":"2026-11-01T10:00:00Z"},
                 "triage":{"lang":"es","label":"complaint","confidence":0.8,"scores":{"complaint":0.8},
                 "flags":[],"priority":70,"explanation":["roto (-)"],"model":"test"}}""".formatted(id, text);
    }

    @Test
    void itemPageShowsTriageDraftCountAndChecks() {
        String id = Items.newId("item");
        store.createIfAbsent(Items.item(id, "x", "complaint", "en", 60, "Jo", "My order arrived broken, what now?",
                "Hi Jo, sorry about that. Please DM us your order number so we can fix it. {signature}",
                Duration.ofMinutes(2)));
        browser = new Browser(base).login(TestUsers.ANA);
        row(id).findElement(By.cssSelector("a.open")).click();
        browser.waitFor(By.id("comment-text"));
        browser.wait.until(d -> d.findElement(By.id("explanation")).getText().contains("roto"));
        browser.wait.until(d -> d.findElement(By.id("char-count")).getText().endsWith("/ 280 characters"));
        browser.wait.until(d -> d.findElement(By.id("lint")).getText().contains("Unresolved slot {signature}"));
        assertTrue(browser.driver.findElement(By.id("suggestions")).getText().contains("Please DM us"));
        browser.screenshot("item");
    }

    @Test
    void statsPageDrawsItsChartsAndExportsCsv() {
        store.createIfAbsent(Items.item(Items.newId("s1"), "facebook", "complaint", "en", 50, "A", "a", "d", Duration.ofHours(2)));
        store.createIfAbsent(Items.item(Items.newId("s2"), "youtube", "praise", "es", 10, "B", "b", "d", Duration.ofHours(30)));
        browser = new Browser(base).login(TestUsers.SUE);
        browser.driver.findElement(By.linkText("Stats")).click();
        browser.wait.until(d -> "6".equals(browser.js("return document.body.dataset.chartsDrawn || ''")));
        for (String chart : new String[] {"byLabel", "byPlatform", "byLanguage", "responseTime", "slaBreaches", "byResponder"}) {
            assertEquals(Boolean.TRUE, browser.js("const c = Chart.getChart(arguments[0]); return !!c && c.width > 0",
                    browser.driver.findElement(By.id("chart-" + chart))), chart + " drawn");
        }
        Object csv = browser.driver.executeAsyncScript("const done = arguments[0];"
                + "fetch('/api/dashboard/stats/byLabel.csv?days=7').then(r => r.text()).then(done)");
        assertTrue(String.valueOf(csv).startsWith("day,"), String.valueOf(csv));
        browser.screenshot("stats");
    }

    @Test
    void labelledControlsVisibleFocusAndNoSidewaysScrollingAt200PercentZoom() {
        String id = Items.newId("zoom");
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "en", 70, "Jo", "A long comment ".repeat(20), "Hi Jo",
                Duration.ofMinutes(1)));
        browser = new Browser(base).login(TestUsers.ANA);
        row(id);
        for (String page : new String[] {"/", "/item/" + id, "/stats"}) {
            browser.open(page);
            browser.waitFor(By.id("main"));
            assertEquals(0L, browser.js("return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                    + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).length"),
                    page + ": every control has a label");
            // 200% zoom of a 1280 px window: the page gets 640 CSS pixels and must reflow, not scroll sideways
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
            browser.wait.until(d -> ((Number) browser.js("return window.innerWidth")).intValue() == 640);
            try {
                browser.wait.until(d -> ((Number) browser.js("return document.documentElement.scrollWidth")).intValue() <= 640);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(page + " scrolls sideways at 200%: " + browser.js(
                        "return document.documentElement.scrollWidth") + " px wide (" + browser.screenshot("zoom-failed") + ")");
            }
            if (page.equals("/")) {
                browser.screenshot("queue-200-percent");
            }
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        browser.open("/");
        row(id);
        browser.driver.findElement(By.tagName("body")).sendKeys("j");
        WebElement focused = browser.driver.switchTo().activeElement();
        assertEquals("Open", focused.getText(), "j moves focus to the first comment's link");
        assertEquals("solid", String.valueOf(browser.js("return getComputedStyle(document.activeElement).outlineStyle")),
                "focus is visible");
        browser.driver.findElement(By.tagName("body")).sendKeys("?");
        browser.waitFor(By.id("help"));
    }

    @Test
    void personalDataIsMaskedAndOnlyASupervisorRevealsItAudited() {
        String id = Items.newId("pii");
        String text = "Call me on +34 600 123 456 or write to lucia@example.com";
        int phone = text.indexOf("+34");
        int email = text.indexOf("lucia@");
        String masked = "Call me on [phone] or write to [email]";
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "es", 75, "Lucía", text, "Hola Lucía",
                Duration.ofMinutes(3)).withComment(cmt -> cmt.withPii(List.of(new QueueItem.Pii("phone", phone, phone + 15),
                        new QueueItem.Pii("email", email, text.length())))));
        browser = new Browser(base).login(TestUsers.ANA);
        assertEquals(masked, rowText(id, ".text"));
        browser.open("/item/" + id);
        browser.wait.until(d -> d.findElement(By.id("comment-text")).getText().equals(masked));
        assertTrue(browser.driver.findElements(By.id("reveal")).isEmpty(), "a responder cannot reveal");
        browser.close();

        browser = new Browser(base).login(TestUsers.SUE);
        browser.open("/item/" + id);
        browser.wait.until(d -> d.findElement(By.id("comment-text")).getText().equals(masked));
        browser.waitFor(By.id("reveal")).click();
        browser.wait.until(d -> d.findElement(By.id("comment-text")).getText().equals(text));
        browser.wait.until(d -> d.findElement(By.id("history")).getText().contains("revealed_personal_data"));
        browser.screenshot("item-pii-revealed");
    }

    @Test
    void signOutEndsTheSession() {
        browser = new Browser(base).login(TestUsers.ANA);
        browser.driver.findElement(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("logged-out"));
        browser.open("/");
        browser.waitFor(By.id("username"));
    }
}
