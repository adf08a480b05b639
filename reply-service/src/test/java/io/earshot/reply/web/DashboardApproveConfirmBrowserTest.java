package io.earshot.reply.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.workflow.QueueService;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Approving from the queue list with the keyboard ({@code c} then {@code a}) publishes nothing until the responder has
 * seen the exact text that will go out, read fresh from the server, and confirmed it (real Chromium, Facebook in
 * WireMock).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class DashboardApproveConfirmBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

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

    private int sent(String ext) {
        return PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"))).size();
    }

    private QueueItem.State state(String id) {
        return store.find(id).orElseThrow().state();
    }

    private void press(String key) {
        ana.driver.findElement(By.tagName("body")).sendKeys(key);
    }

    @Test
    void approvingFromTheListShowsTheExactTextAndPublishesOnlyAfterConfirmation() {
        String id = Items.newId("confirm");
        String ext = "fbc-" + id;
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + ext + "/comments"))
                .willReturn(okJson("{\"id\":\"fb-reply-" + id + "\"}")));
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "en", 99, "Jane",
                "My order arrived broken, what now?", "Hi Jane, we're sorry about this. Please send us a private "
                        + "message with your order details and we'll help.", Duration.ofMinutes(5))
                .withComment(cmt -> cmt.withExternalId(ext)));

        ana = new Browser(base).login(TestUsers.ANA);
        WebElement search = ana.driver.findElement(By.id("f-q"));
        search.sendKeys(id);
        ana.wait.until(d -> d.findElements(By.cssSelector("li.row")).size() == 1
                && id.equals(d.findElement(By.cssSelector("li.row")).getDomAttribute("data-id")));
        search.sendKeys(Keys.ESCAPE);
        ana.awaitLive();
        press("j");
        press("c");
        ana.wait.until(d -> d.findElement(By.cssSelector("li.row[data-id='" + id + "'] .claim")).getText()
                .equals("You are replying"));

        // the draft changes after the list was loaded: the dialog shows what will really be published
        String exact = "Hi Jane, sorry!\nPlease send us a private message with your order number.";
        QueueItem claimed = store.find(id).orElseThrow();
        service.editDraft(id, new Actor(TestUsers.ANA, false, false), exact, claimed.version());

        press("a");
        WebElement dialog = ana.waitFor(By.id("approve-confirm"));
        assertEquals(exact, ana.js("return document.getElementById('approve-text').textContent"));
        ana.wait.until(d -> d.findElement(By.id("approve-text")).isDisplayed());
        ana.screenshot("queue-approve-confirm");
        assertEquals(QueueItem.State.claimed, state(id), "nothing is approved while the dialog asks");
        assertNull(store.find(id).orElseThrow().approval());

        // pressing a again inside the dialog does not approve; cancelling sends nothing
        ana.driver.switchTo().activeElement().sendKeys("a");
        ana.driver.findElement(By.id("approve-cancel")).click();
        ana.wait.until(d -> !dialog.isDisplayed());
        assertEquals(QueueItem.State.claimed, state(id), "cancel approves nothing");

        press("a");
        ana.waitFor(By.id("approve-confirm"));
        ana.wait.until(d -> exact.equals(ana.js("return document.getElementById('approve-text').textContent")));
        ana.driver.findElement(By.id("approve-send")).click();
        ana.waiting(Duration.ofSeconds(30)).until(d -> state(id) == QueueItem.State.published);
        assertEquals(exact, store.find(id).orElseThrow().approval().text());
        assertEquals(1, sent(ext), "published once, after the confirmation");
        PlatformStubs.server().verify(1, postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"))
                .withRequestBody(matchingJsonPath("$.message", equalTo(exact))));
    }
}
