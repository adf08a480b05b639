package io.earshot.reply.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.api.sync.RedisCommands;
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

/**
 * A refusal reaches the person in their own language: the API's problem carries a stable code and the values its
 * message needs, and the dashboard says it from its catalogue instead of showing the server's English.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class ProblemLanguageBrowserTest {

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
        redis.hdel(UiLanguageStore.KEY, TestUsers.BEN);
    }

    @Test
    void theApiNamesTheReasonAndItsValues() {
        String id = Items.newId("code");
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "ro", 60, "Ion", "Coletul nu a ajuns", "Bună, Ion",
                Duration.ofHours(1)));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(200);
        Staff.as("ben").post("/api/queue/" + id + "/claim").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("claimed"))
                .body("args.holder", equalTo("ana"))
                .body("detail", equalTo("the item is claimed by ana"));
        Staff.as("ana").body("{\"version\":1,\"text\":\"Ne pare rău\"}").put("/api/queue/" + id + "/draft")
                .then().statusCode(409).body("code", equalTo("stale_version")).body("args.sent", equalTo("1"));
        Staff.as("ana").get("/api/queue/no-such-item").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void aRomanianResponderReadsWhoHoldsTheClaimInRomanian() {
        String id = Items.newId("claimed-ro");
        store.createIfAbsent(Items.item(id, "facebook", "complaint", "ro", 60, "Ion", "Coletul nu a ajuns", "Bună, Ion",
                Duration.ofHours(1)));
        browser = new Browser(base, "ro").login(TestUsers.BEN);
        browser.open("/item/" + id);
        browser.waitFor(By.id("claim"));
        Staff.as("ana").post("/api/queue/" + id + "/claim").then().statusCode(200);

        // the page's own API call, as the claim button makes it (live updates may have disabled the button already)
        Object message = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/assets/js/common.js').then(m => m.api('POST', '/api/queue/' + arguments[0] + '/claim'))"
                + ".then(() => done('no refusal'), e => done(e.message))", id);

        assertEquals("Comentariul este preluat de ana.", message);
    }
}
