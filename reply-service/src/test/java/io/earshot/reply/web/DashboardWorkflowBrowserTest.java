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
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Two responders side by side in real Chromium: Ana claims, Ben sees it live and cannot approve; Ana edits, the
 * checks react as she types, she approves and the reply is published once (Facebook stubbed in WireMock).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class DashboardWorkflowBrowserTest {

    static final String GOOD = "Hi Jane, we're sorry about this. Please send us a private message with your order "
            + "number and we'll sort it out today.";

    @TestHTTPResource("/")
    URL base;

    @Inject
    QueueStore store;

    private Browser ana;
    private Browser ben;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @AfterEach
    void close() {
        if (ana != null) {
            ana.close();
        }
        if (ben != null) {
            ben.close();
        }
    }

    @Test
    void claimIsSeenLiveByAColleagueWhoCannotApproveAndTheApprovedReplyIsPublishedOnce() {
        String id = Items.newId("flow");
        String ext = "fbc-" + id;
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + ext + "/comments"))
                .willReturn(okJson("{\"id\":\"fb-reply-" + id + "\"}")));
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "en", 90, "Jane",
                "My order arrived broken, what now?", "Hi {author}, sorry!", Duration.ofMinutes(5))
                .withComment(cmt -> cmt.withExternalId(ext)));

        ana = new Browser(base).login(TestUsers.ANA);
        ben = new Browser(base).login(TestUsers.BEN);
        ben.waitFor(By.cssSelector("li.row[data-id='" + id + "']"));
        ben.awaitLive();

        ana.open("/item/" + id);
        ana.waitFor(By.id("comment-text"));
        ana.awaitLive();
        ana.driver.findElement(By.id("claim")).click();
        ana.wait.until(d -> d.findElement(By.id("claim-holder")).getText().equals("You are replying"));

        long claimedAt = System.nanoTime();
        ben.waiting(Duration.ofSeconds(5)).until(d -> d
                .findElement(By.cssSelector("li.row[data-id='" + id + "'] .claim")).getText().equals("ana is replying"));
        long seenAfterMs = (System.nanoTime() - claimedAt) / 1_000_000;
        ben.screenshot("queue-live-claim");
        assertTrue(seenAfterMs < 2000, "Ben saw the claim after " + seenAfterMs + " ms");

        ben.open("/item/" + id);
        ben.wait.until(d -> d.findElement(By.id("claim-holder")).getText().equals("ana is replying"));
        assertFalse(ben.driver.findElement(By.id("approve")).isEnabled(), "only the claimant can approve");
        assertFalse(ben.driver.findElement(By.id("claim")).isEnabled());
        assertEquals("true", ben.driver.findElement(By.id("draft")).getDomAttribute("readonly") == null ? "false" : "true");
        ben.screenshot("item-claimed-by-colleague");

        WebElement draft = ana.driver.findElement(By.id("draft"));
        ana.wait.until(d -> d.findElement(By.id("lint")).getText().contains("{author}"));
        draft.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        ana.wait.until(d -> d.findElement(By.id("lint")).getText().contains("empty"));
        draft.sendKeys(GOOD);
        ana.wait.until(d -> d.findElement(By.id("lint")).getText().equals("All checks pass."));
        assertEquals(GOOD.length() + " / 8000 characters", ana.driver.findElement(By.id("char-count")).getText());
        ana.screenshot("item-editing");
        ana.driver.findElement(By.id("save")).click();
        ana.wait.until(d -> d.findElement(By.id("save-state")).getText().equals("Saved"));

        // with a draft that passes every check, the refusal is the claim: 409 naming its holder
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) ben.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/queue/' + arguments[0] + '/approve', {method: 'POST', headers: {'Content-Type':
                  'application/json', 'X-CSRF-Token': document.body.dataset.csrf}, body: '{}'})
                  .then(r => r.json().then(b => done({status: r.status, detail: b.detail})))""", id);
        assertEquals(409L, ((Number) refused.get("status")).longValue(), String.valueOf(refused));
        assertTrue(String.valueOf(refused.get("detail")).contains("ana"), String.valueOf(refused));

        ana.driver.findElement(By.id("approve")).click();
        ana.waiting(Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("state")).getText().equals("published"));
        ana.screenshot("item-published");
        PlatformStubs.server().verify(1, postRequestedFor(urlEqualTo("/fb/" + ext + "/comments"))
                .withRequestBody(containing("sort it out today")));
        ben.wait.until(d -> d.findElement(By.id("state")).getText().equals("published"));
    }
}
