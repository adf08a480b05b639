package io.earshot.reply.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.messaging.Topics;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Emerging;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The queue page's rising-issues panel: an issue triage announces while the page is open appears with a polite
 * live notice (and again when it grows), without a reload, and its link searches the queue for its top term.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
class EmergingPanelBrowserTest {

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
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void publish(String issueId, String json) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.INSIGHTS_EMERGING, issueId, json)).get();
        }
    }

    @Test
    void anIssueAnnouncedWhileThePageIsOpenAppearsWithANoticeAndItsLinkFiltersTheQueue() throws Exception {
        String term = "zorblat" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        String match = Items.newId("emerging");
        String other = Items.newId("emerging");
        store.createIfAbsent(Items.item(match, "facebook", "complaint", "es", 60, "Lucía",
                "Mi pedido " + term + " no llegó", "Hola Lucía, lo sentimos.", Duration.ofMinutes(3)));
        store.createIfAbsent(Items.item(other, "facebook", "complaint", "es", 60, "Marta",
                "El envío llegó tarde", "Hola Marta, lo sentimos.", Duration.ofMinutes(2)));

        browser = new Browser(base, "es").login(TestUsers.ANA);
        browser.awaitLive();
        browser.wait.until(d -> !"".equals(String.valueOf(browser.js("return document.getElementById('emerging').dataset.loaded || ''"))));
        browser.js("window.__sameDocument = 'yes'");
        WebElement notice = browser.driver.findElement(By.id("emerging-notice"));
        assertEquals("polite", notice.getDomAttribute("aria-live"));
        assertEquals("", notice.getText(), "no notice before anything arrived");

        String issue = UUID.randomUUID().toString();
        Instant now = Instant.now();
        publish(issue, Emerging.event(issue, 1, term, "es", 8, now));
        By entry = By.cssSelector("#emerging-list li[data-issue='" + issue + "']");
        WebElement li = browser.waitFor(entry);
        browser.wait.until(d -> d.findElement(By.id("emerging-notice")).getText().contains(term));
        assertEquals("Nuevo problema en aumento: " + term + ", " + term + " tarde",
                browser.driver.findElement(By.id("emerging-notice")).getText());
        assertEquals("Nuevo", li.findElement(By.cssSelector(".badge")).getText());
        assertEquals("auto", li.findElement(By.cssSelector(".terms")).getDomAttribute("dir"));
        assertEquals("8 comentarios", li.findElement(By.cssSelector(".count")).getText());
        assertTrue(li.getText().contains("español"), li.getText());
        assertEquals("yes", browser.js("return window.__sameDocument"), "the page was not reloaded");

        publish(issue, Emerging.event(issue, 2, term, "es", 16, now.plusSeconds(60)));
        browser.wait.until(d -> "2".equals(d.findElement(entry).getDomAttribute("data-version")));
        browser.wait.until(d -> d.findElement(By.id("emerging-notice")).getText().startsWith("Un problema en aumento sigue creciendo"));
        assertEquals("16 comentarios", browser.driver.findElement(entry).findElement(By.cssSelector(".count")).getText());
        browser.screenshot("queue-emerging-panel");

        browser.driver.findElement(entry).findElement(By.cssSelector("a.emerging-search")).click();
        By matchRow = By.cssSelector("#queue li[data-id='" + match + "']");
        browser.waitFor(matchRow);
        browser.wait.until(d -> d.findElements(By.cssSelector("#queue li[data-id='" + other + "']")).isEmpty());
        assertEquals(term, String.valueOf(browser.js("return document.getElementById('f-q').value")).strip());
        assertEquals(1, browser.all(By.cssSelector("#queue li.row")).size(), "only the issue's comment is listed");
        assertTrue(browser.driver.getCurrentUrl().endsWith("?q=" + term), browser.driver.getCurrentUrl());
    }
}
