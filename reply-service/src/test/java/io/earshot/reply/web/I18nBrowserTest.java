package io.earshot.reply.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.redis.QueueStore;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in the staff's own language, in a real Chromium: Arabic from the browser's Accept-Language with the
 * whole page right to left and mirrored, Telugu chosen on the page and remembered for the user, and the queue and
 * an item usable on a 390 px phone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class I18nBrowserTest {

    static final String ARABIC = "الطلب وصل متأخراً جداً، أين المسؤول؟";
    static final String TELUGU = "నా ఆర్డర్ ఇంకా రాలేదు, ఎప్పుడు వస్తుంది?";

    @TestHTTPResource("/")
    URL base;

    @Inject
    QueueStore store;

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
        // the other dashboard tests read English: forget what these users chose
        redis.hdel(UiLanguageStore.KEY, TestUsers.ANA, TestUsers.BEN);
    }

    private WebElement row(String id) {
        return browser.waitFor(By.cssSelector("li.row[data-id='" + id + "']"));
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private double rect(String css, String side) {
        return ((Number) js("return document.querySelector(arguments[0]).getBoundingClientRect()[arguments[1]]", css, side))
                .doubleValue();
    }

    @Test
    void arabicFromTheBrowserRendersTheWholeQueueAndItemRightToLeftMirrored() throws IOException {
        String ar = Items.newId("ar");
        store.createIfAbsent(Items.item(ar, "facebook", "complaint", "ar", 88, "مريم", ARABIC, "مرحباً مريم، نعتذر عن التأخير.",
                Duration.ofMinutes(70)));
        browser = new Browser(base, "ar-EG,ar");
        browser.open("/login");
        browser.waitFor(By.id("username"));
        assertEquals("rtl", js("return document.documentElement.dir"), "the login page is right to left too");
        assertEquals("تسجيل الدخول · Earshot", js("return document.title"));
        assertEquals("دخول", browser.driver.findElement(By.id("sign-in")).getText());
        browser.login(TestUsers.BEN);
        row(ar);

        assertEquals("ar", js("return document.documentElement.lang"));
        assertEquals("rtl", js("return document.documentElement.dir"));
        assertEquals("rtl", js("return getComputedStyle(document.body).direction"));
        assertEquals("قائمة الانتظار", browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText());
        assertEquals("شكوى", browser.driver.findElement(By.cssSelector("li.row[data-id='" + ar + "'] .badge.complaint")).getText());
        browser.wait.until(d -> d.findElement(By.cssSelector("li.row[data-id='" + ar + "'] .sla")).getText()
                .startsWith("تجاوز مهلة الخدمة"));
        assertEquals("فتح", browser.driver.findElement(By.cssSelector("li.row[data-id='" + ar + "'] a.open")).getText());
        browser.wait.until(d -> !d.findElement(By.id("live-status")).getText().equals("جارٍ الاتصال…"));
        assertEquals("مباشر", browser.driver.findElement(By.id("live-status")).getText());
        // mirrored: the brand starts at the right edge, the user's name sits at the left; the checkbox column is on the right
        assertTrue(rect(".brand", "left") > rect(".who", "left"), "header mirrored");
        assertTrue(rect("li.row[data-id='" + ar + "'] input.select", "left") > rect("li.row[data-id='" + ar + "'] .side", "left"),
                "row columns mirrored");
        assertNoEnglish();
        js("return document.fonts.ready");
        assertEquals(Boolean.TRUE, js("return document.fonts.check('16px \"Noto Sans Arabic\"', 'قائمة الانتظار')"));
        keep(browser.screenshot("queue-arabic"), "dashboard-queue-ar.png");

        browser.open("/item/" + ar);
        browser.wait.until(d -> ARABIC.equals(d.findElement(By.id("comment-text")).getText()));
        assertEquals("rtl", js("return document.documentElement.dir"));
        assertTrue(rect(".comment-col", "left") > rect(".reply-col", "left"), "the comment column is on the right");
        assertEquals("تولَّ الرد", browser.driver.findElement(By.id("claim")).getText());
        browser.wait.until(d -> d.findElement(By.id("triage")).getText().contains("التصنيف"));
        browser.wait.until(d -> d.findElement(By.id("char-count")).getText().contains("حرفًا"));
        browser.driver.findElement(By.id("claim")).click();
        browser.wait.until(d -> d.findElement(By.id("claim-holder")).getText().equals("أنت من يرد"));
        assertEquals("قيد المعالجة", browser.driver.findElement(By.id("state")).getText());
        browser.wait.until(d -> d.findElement(By.id("history")).getText().contains("تولّى الرد"));
        assertNoEnglish();
        keep(browser.screenshot("item-arabic-rtl"), "dashboard-item-ar.png");
    }

    @Test
    void teluguChosenOnThePageIsRememberedForTheUserOnAnotherBrowser() {
        String te = Items.newId("te");
        store.createIfAbsent(Items.item(te, "x", "complaint", "te", 64, "సాయి", TELUGU, "నమస్తే సాయి, క్షమించండి.",
                Duration.ofMinutes(5)));
        browser = new Browser(base).login(TestUsers.ANA);
        row(te);
        assertEquals("en", js("return document.documentElement.lang"));
        new Select(browser.driver.findElement(By.id("ui-lang"))).selectByValue("te");
        browser.wait.until(d -> "te".equals(js("return document.documentElement.lang")));
        row(te);
        assertEquals("ltr", js("return document.documentElement.dir"));
        assertEquals("వరుస", browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText());
        assertEquals("ఫిర్యాదు", browser.driver.findElement(By.cssSelector("li.row[data-id='" + te + "'] .badge.complaint")).getText());
        browser.wait.until(d -> d.findElement(By.id("queue-summary")).getText().contains("వ్యాఖ్య"));
        js("return document.fonts.ready");
        assertEquals(Boolean.TRUE, js("return document.fonts.check('16px \"Noto Sans Telugu\"', 'వరుస')"));
        assertNoEnglish();
        browser.screenshot("queue-telugu");
        browser.close();

        // a new browser that asks for English: the user's choice wins
        browser = new Browser(base, "en-US").login(TestUsers.ANA);
        assertEquals("te", js("return document.documentElement.lang"));
        browser.open("/item/" + te);
        browser.wait.until(d -> TELUGU.equals(d.findElement(By.id("comment-text")).getText()));
        assertEquals("తీసుకోండి", browser.driver.findElement(By.id("claim")).getText());
        browser.wait.until(d -> d.findElement(By.id("triage")).getText().contains("ప్రాధాన్యం"));
        assertNoEnglish();
        browser.screenshot("item-telugu");
    }

    @Test
    void queueAndItemAreUsableAtPhoneWidth() {
        String id = Items.newId("phone");
        store.createIfAbsent(Items.item(id, "instagram", "complaint", "es", 97, "Lucía Fernández de la Peña",
                "Llevo tres semanas esperando el reembolso del pedido 4471 y nadie contesta a mis correos. ".repeat(3),
                "Hola Lucía, lo sentimos mucho.", Duration.ofMinutes(30)));
        for (String lang : new String[] {"en-US", "ar"}) {
            browser = new Browser(base, lang).login(TestUsers.BEN);
            phone();
            row(id);
            assertFitsWidth("/ (" + lang + ")");
            reachable("li.row[data-id='" + id + "'] a.open");
            reachable("#bulk-reject");
            browser.screenshot("queue-phone-" + lang);
            browser.driver.findElement(By.cssSelector("li.row[data-id='" + id + "'] a.open")).click();
            browser.wait.until(d -> d.findElement(By.id("comment-text")).getText().startsWith("Llevo"));
            assertFitsWidth("/item (" + lang + ")");
            for (String action : new String[] {"#claim", "#save", "#approve", "#reject", "#escalate", "#snooze", "#hide"}) {
                reachable(action);
            }
            browser.driver.findElement(By.id("claim")).click();
            browser.wait.until(d -> d.findElement(By.id("approve")).isEnabled());
            assertFitsWidth("/item claimed (" + lang + ")");
            browser.screenshot("item-phone-" + lang);
            browser.driver.findElement(By.id("release")).click();
            browser.wait.until(d -> !d.findElement(By.id("approve")).isEnabled());
            browser.close();
            browser = null;
        }
    }

    @Test
    void theLanguageApiDefaultsToAcceptLanguageAndRefusesALanguageItDoesNotSpeak() {
        given().auth().preemptive().basic(TestUsers.BEN, TestUsers.password(TestUsers.BEN)).header("Accept-Language", "ro-RO")
                .get("/api/me/ui-language").then().statusCode(200).body("language", equalTo("ro"))
                .body("chosen", equalTo(false)).body("dir", equalTo("ltr"));
        given().auth().preemptive().basic(TestUsers.BEN, TestUsers.password(TestUsers.BEN)).contentType("application/json")
                .body("{\"language\":\"xx\"}").put("/api/me/ui-language").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("language"));
        given().auth().preemptive().basic(TestUsers.BEN, TestUsers.password(TestUsers.BEN)).contentType("application/json")
                .body("{\"language\":\"ar\"}").put("/api/me/ui-language").then().statusCode(200)
                .body("language", equalTo("ar")).body("dir", equalTo("rtl")).body("chosen", equalTo(true));
        given().get("/i18n/ru.json").then().statusCode(200).body("'live.on'", equalTo("В эфире"));
        given().get("/i18n/xx.json").then().statusCode(404);
        given().header("Accept-Language", "es").get("/login").then().statusCode(200)
                .header("Content-Language", "es").body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Contraseña"));
    }

    private void phone() {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        browser.driver.navigate().refresh();
        browser.wait.until(d -> ((Number) js("return window.innerWidth")).intValue() == 390);
    }

    private void assertFitsWidth(String page) {
        try {
            browser.wait.until(d -> ((Number) js("return document.documentElement.scrollWidth")).intValue() <= 390);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(page + " scrolls sideways at 390 px: " + js("return document.documentElement.scrollWidth")
                    + " px wide; widest: " + js("return [...document.querySelectorAll('body *')].filter(e => "
                    + "e.getBoundingClientRect().right > 391 || e.getBoundingClientRect().left < -1).slice(-3)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')")
                    + " (" + browser.screenshot("phone-failed") + ")");
        }
    }

    /** On screen horizontally, at least 24 px tall and wide enough to tap, and not covered by anything. */
    private void reachable(String css) {
        js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
        Object verdict = js("const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();"
                + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return r.left >= 0 && r.right <= window.innerWidth && r.height >= 24 && r.width >= 24"
                + " && (top === e || e.contains(top)) ? 'ok' : JSON.stringify({l: r.left, r: r.right, h: r.height, w: r.width,"
                + " top: top && top.tagName})", css);
        assertEquals("ok", verdict, css + " is not reachable at phone width");
    }

    private void assertNoEnglish() {
        String text = String.valueOf(js("return document.querySelector('header').innerText + ' '"
                + " + [...document.querySelectorAll('main h1, main h2, main h3, main label, main button, main .badge.state,"
                + " main .claim, main #queue-summary, main #char-count, main #lint, main #triage p')]"
                + ".map(e => e.innerText).join(' ')"));
        for (String english : new String[] {"Queue", "Stats", "Sign out", "Claim", "Reject", "Approve", "Escalate", "Snooze",
            "Search", "State", "Label", "comments", "characters", "pending", "claimed", "You are replying", "Live",
            "Select all", "Reply", "Draft", "History", "confidence", "priority"}) {
            assertFalse(text.contains(english), "English left on the page: \"" + english + "\" in " + text);
        }
    }

    /** Keeps a screenshot in docs/ for people to look at (the module runs from reply-service/). */
    private static void keep(Path shot, String name) throws IOException {
        Path docs = Path.of("..", "docs");
        if (Files.isDirectory(docs)) {
            Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
