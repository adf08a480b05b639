package io.earshot.reply.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.config.LlmConfig;
import io.earshot.reply.config.TranslationConfig;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.LlmStubs;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.reply.workflow.Drafter;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without an LLM endpoint: the item view says translation is unavailable and why, every translate call is a 409
 * problem (never a 5xx), nothing is sent anywhere, and templates still draft in the commenter's language.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class TranslationUnavailableTest {

    @Inject
    TranslationConfig translationConfig;

    @Inject
    LlmClient client;

    @Inject
    LlmConfig llmConfig;

    @Inject
    QueueStore store;

    @Inject
    Drafter drafter;

    private String marker;

    /** The real translator with an LLM configuration that names no base URL. */
    @BeforeEach
    void noEndpoint() {
        LlmTranslator translator = new LlmTranslator();
        translator.config = translationConfig;
        translator.client = client;
        translator.llm = new LlmConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Optional<String> baseUrl() {
                return Optional.empty();
            }

            @Override
            public String model() {
                return llmConfig.model();
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.empty();
            }

            @Override
            public Duration timeout() {
                return llmConfig.timeout();
            }
        };
        QuarkusMock.installMockForType(translator, LlmTranslator.class);
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        Staff.as("ana").body(Map.of("languages", List.of("en"))).when().put("/api/me/languages").then().statusCode(200);
    }

    @Test
    void translationIsUnavailableSaysWhyAndIsNeverA5xx() {
        QueueItem item = Items.complaint(Items.platform()).withVerdict(vrd -> vrd.withLang("ar")).withComment(cmt -> cmt.withText("طلبي وصل مكسور " + marker))
                .withDraft(new QueueItem.Draft("مرحباً", "ar", "template:ar:complaint"));
        store.createIfAbsent(item);
        String id = item.id();
        Staff.as("ana").when().get("/api/queue/" + id).then().statusCode(200)
                .body("translation.available", equalTo(false))
                .body("translation.reason", containsString("no endpoint configured"))
                .body("translation.commentNeedsTranslation", equalTo(true))
                .body("translation.comment", nullValue());
        Staff.as("ana").when().post("/api/queue/" + id + "/translation").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no endpoint configured"));
        Staff.as("ana").when().get("/api/queue/" + id + "/translation").then().statusCode(409)
                .contentType("application/problem+json");
        Staff.as("ana").when().post("/api/queue/" + id + "/claim").then().statusCode(200);
        Staff.as("ana").body(Map.of("text", "Sorry " + marker, "version", 2)).when()
                .post("/api/queue/" + id + "/draft/translation").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("unavailable"));
        Staff.as("ana").when().get("/api/queue/" + id).then().body("draft.text", equalTo("مرحباً")).body("version", equalTo(2));
        assertEquals(0, LlmStubs.calls(marker).size(), "nothing was sent to a model");
    }

    @Test
    void templatesStillDraftInTheCommentersLanguage() {
        for (String lang : List.of("ar", "te")) {
            QueueItem item = Items.complaint(Items.platform()).withVerdict(vrd -> vrd.withLang(lang)).withComment(cmt -> cmt.withText("x " + marker));
            QueueItem.Draft draft = drafter.draft(item);
            assertEquals(lang, draft.lang());
            assertTrue(draft.source().startsWith("template:" + lang + ":"), draft.source());
            assertFalse(draft.text().isBlank());
        }
    }
}
