package io.earshot.reply.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.LlmStubs;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An English-reading responder answers an Arabic comment in real Chromium: the comment and its machine translation
 * side by side (right to left where Arabic), the reply written in English and machine-translated, both texts shown
 * before approving, and the Arabic reply published once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class TranslationBrowserTest {

    static final String ARABIC = "طلبي وصل مكسور، ماذا أفعل الآن؟";

    @TestHTTPResource("/")
    URL base;

    @Inject
    QueueStore store;

    @Inject
    CircuitBreakerMaintenance breakers;

    private Browser ana;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @AfterEach
    void close() {
        if (ana != null) {
            ana.close();
        }
    }

    @Test
    void anArabicCommentIsReadAndAnsweredThroughMachineTranslationWithBothTextsShownBeforeApproval() {
        breakers.resetAll();
        String c = "c" + UUID.randomUUID().toString().substring(0, 8);
        String r = "r" + UUID.randomUUID().toString().substring(0, 8);
        String id = Items.newId("mt");
        String ext = "fbc-" + id;
        String arabicReply = "نأسف لذلك، يرجى مراسلتنا على الخاص " + r + "-ar";
        LlmStubs.stub(c, LlmStubs.answer("My order arrived broken, what do I do now? " + c));
        LlmStubs.stub("please write to us privately " + r, LlmStubs.answer(arabicReply));
        LlmStubs.stub(r + "-ar", LlmStubs.answer("We are sorry, please message us privately " + r));
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + ext + "/comments"))
                .willReturn(okJson("{\"id\":\"fb-reply-" + id + "\"}")));
        Staff.as("ana").body(Map.of("languages", List.of("en"))).when().put("/api/me/languages").then().statusCode(200);
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "ar", 80, "مريم", ARABIC + " " + c,
                "مرحباً مريم، نأسف لذلك.", Duration.ofMinutes(5)).withComment(cmt -> cmt.withExternalId(ext)));

        ana = new Browser(base).login(TestUsers.ANA);
        ana.open("/item/" + id);
        ana.waitFor(By.id("comment-text"));
        ana.awaitLive();
        ana.driver.findElement(By.id("claim")).click();
        ana.wait.until(d -> d.findElement(By.id("claim-holder")).getText().equals("You are replying"));

        // the comment and its machine translation side by side, labelled, Arabic right to left
        ana.wait.until(d -> d.findElement(By.id("translation-text")).getText().contains("arrived broken"));
        assertEquals("rtl", ana.driver.findElement(By.id("translation-original")).getDomAttribute("dir"));
        assertEquals("auto", ana.driver.findElement(By.id("comment-text")).getDomAttribute("dir"));
        assertTrue(ana.driver.findElement(By.id("comment-translation")).getText().contains("Machine translation"));

        // the reply written in English, machine-translated into Arabic, shown in both languages
        ana.driver.findElement(By.cssSelector("#write-own summary")).click();
        ana.driver.findElement(By.id("own-text")).sendKeys("Sorry about that, please write to us privately " + r);
        ana.driver.findElement(By.id("translate-reply")).click();
        ana.wait.until(d -> d.findElement(By.id("reply-translated")).getText().equals(arabicReply));
        assertEquals("rtl", ana.driver.findElement(By.id("reply-translated")).getDomAttribute("dir"));
        assertTrue(ana.driver.findElement(By.id("reply-source")).getText().startsWith("Sorry about that"));
        assertTrue(ana.driver.findElement(By.id("reply-back")).getText().contains("message us privately"));
        assertTrue(ana.driver.findElement(By.id("reply-translation")).getText().contains("Machine translation"));
        assertEquals(arabicReply, ana.driver.findElement(By.id("draft")).getDomProperty("value"));
        ana.wait.until(d -> d.findElement(By.id("approve")).isEnabled());
        ana.screenshot("item-translated-reply");

        // the "translated" toast sits over the decisions for a few seconds
        ana.waiting(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("toast")).getDomAttribute("class").contains("show"));
        ana.driver.findElement(By.id("approve")).click();
        ana.waiting(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("state")).getText().equals("published"));
        PlatformStubs.server().verify(1, postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"))
                .withRequestBody(containing(r + "-ar")));
        ana.wait.until(d -> d.findElement(By.id("history")).getText().contains("both texts were shown"));
        assertFalse(ana.driver.findElement(By.id("history")).getText().isBlank());
    }
}
